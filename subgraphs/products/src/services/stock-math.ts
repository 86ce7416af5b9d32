/** The three counters of a variant's stock. Their sum changes only by restocking (adjust). */
export interface StockLevels {
  available: number;
  reserved: number;
  sold: number;
}

/**
 * What can happen to a variant's stock: an order holds units (reserve), gives them back
 * (release), pays for them (commit), returns what it bought when cancelled after payment
 * (restore), or the boutique counts its shelves again (adjust).
 */
export type StockOp =
  | { kind: 'reserve'; quantity: number }
  | { kind: 'release'; quantity: number }
  | { kind: 'commit'; quantity: number }
  | { kind: 'restore'; quantity: number }
  | { kind: 'adjust'; delta: number };

/** The counters after an operation, or null when it cannot apply (not enough units). */
export function applyStockOp(levels: StockLevels, op: StockOp): StockLevels | null {
  const { available, reserved, sold } = levels;
  switch (op.kind) {
    case 'reserve':
      return available >= op.quantity
        ? { available: available - op.quantity, reserved: reserved + op.quantity, sold }
        : null;
    case 'release':
      return reserved >= op.quantity
        ? { available: available + op.quantity, reserved: reserved - op.quantity, sold }
        : null;
    case 'commit':
      return reserved >= op.quantity
        ? { available, reserved: reserved - op.quantity, sold: sold + op.quantity }
        : null;
    case 'restore':
      return sold >= op.quantity
        ? { available: available + op.quantity, reserved, sold: sold - op.quantity }
        : null;
    case 'adjust':
      return available + op.delta >= 0 ? { available: available + op.delta, reserved, sold } : null;
  }
}

/** The `$inc` of an operation (applied with a filter pinning the counters that were read). */
export function incrementOf(op: StockOp): Partial<StockLevels> {
  switch (op.kind) {
    case 'reserve':
      return { available: -op.quantity, reserved: op.quantity };
    case 'release':
      return { available: op.quantity, reserved: -op.quantity };
    case 'commit':
      return { reserved: -op.quantity, sold: op.quantity };
    case 'restore':
      return { sold: -op.quantity, available: op.quantity };
    case 'adjust':
      return { available: op.delta };
  }
}

export type StockSignal =
  'product.stock_changed' | 'product.out_of_stock' | 'product.back_in_stock';

/**
 * The stock events that a change of `available` calls for: every change is announced, and crossing
 * zero is announced as out of stock or back in stock (wishlist alerts, search's in-stock filter).
 */
export function stockSignals(before: number, after: number): StockSignal[] {
  if (before === after) return [];
  const signals: StockSignal[] = ['product.stock_changed'];
  if (before > 0 && after === 0) signals.push('product.out_of_stock');
  if (before === 0 && after > 0) signals.push('product.back_in_stock');
  return signals;
}
