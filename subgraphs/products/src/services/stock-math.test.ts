import { describe, expect, it } from 'vitest';
import { applyStockOp, incrementOf, stockSignals, type StockLevels } from './stock-math.js';

const total = (l: StockLevels) => l.available + l.reserved + l.sold;

describe(applyStockOp.name, () => {
  const levels = { available: 5, reserved: 2, sold: 1 };

  it('moves units between available, reserved and sold, conserving their sum', () => {
    const reserved = applyStockOp(levels, { kind: 'reserve', quantity: 5 })!;
    expect(reserved).toEqual({ available: 0, reserved: 7, sold: 1 });
    const released = applyStockOp(reserved, { kind: 'release', quantity: 3 })!;
    expect(released).toEqual({ available: 3, reserved: 4, sold: 1 });
    const committed = applyStockOp(released, { kind: 'commit', quantity: 4 })!;
    expect(committed).toEqual({ available: 3, reserved: 0, sold: 5 });
    const restored = applyStockOp(committed, { kind: 'restore', quantity: 2 })!;
    expect(restored).toEqual({ available: 5, reserved: 0, sold: 3 });
    for (const l of [reserved, released, committed, restored]) {
      expect(total(l)).toBe(total(levels));
    }
  });

  it('never takes more than there is', () => {
    expect(applyStockOp(levels, { kind: 'reserve', quantity: 6 })).toBeNull();
    expect(applyStockOp(levels, { kind: 'release', quantity: 3 })).toBeNull();
    expect(applyStockOp(levels, { kind: 'commit', quantity: 3 })).toBeNull();
    expect(applyStockOp(levels, { kind: 'restore', quantity: 2 })).toBeNull();
    expect(applyStockOp(levels, { kind: 'adjust', delta: -6 })).toBeNull();
  });

  it('restocks and writes off available units only', () => {
    expect(applyStockOp(levels, { kind: 'adjust', delta: 10 })).toEqual({
      ...levels,
      available: 15,
    });
    expect(applyStockOp(levels, { kind: 'adjust', delta: -5 })).toEqual({
      ...levels,
      available: 0,
    });
  });

  it('has increments that agree with the arithmetic', () => {
    for (const op of [
      { kind: 'reserve', quantity: 2 },
      { kind: 'release', quantity: 1 },
      { kind: 'commit', quantity: 2 },
      { kind: 'adjust', delta: -3 },
    ] as const) {
      const next = applyStockOp(levels, op)!;
      const inc = incrementOf(op);
      expect({
        available: levels.available + (inc.available ?? 0),
        reserved: levels.reserved + (inc.reserved ?? 0),
        sold: levels.sold + (inc.sold ?? 0),
      }).toEqual(next);
    }
  });
});

describe(stockSignals.name, () => {
  it('announces every change, and crossing zero either way', () => {
    expect(stockSignals(3, 3)).toEqual([]);
    expect(stockSignals(3, 2)).toEqual(['product.stock_changed']);
    expect(stockSignals(1, 0)).toEqual(['product.stock_changed', 'product.out_of_stock']);
    expect(stockSignals(0, 4)).toEqual(['product.stock_changed', 'product.back_in_stock']);
  });
});
