/** The fixed ports of ARCHITECTURE.md; tests bind port 0 instead. */
export const ports = {
  gateway: 3000,
  users: 3001,
  boutiques: 3002,
  products: 3003,
  orders: 3004,
  payments: 3007,
  delivery: 3008,
  drivers: 3009,
  notifications: 3010,
  reviews: 3011,
  analytics: 3012,
  chat: 3013,
  promotions: 3014,
  wishlist: 3015,
  disputes: 3016,
  audit: 3017,
} as const;

export type ServiceName = keyof typeof ports;
export type DomainName = Exclude<ServiceName, 'gateway'>;
