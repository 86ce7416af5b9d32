/** The roles of ARCHITECTURE.md. One account may hold several. */
export enum Role {
  CUSTOMER = 'CUSTOMER',
  BOUTIQUE_OWNER = 'BOUTIQUE_OWNER',
  DRIVER = 'DRIVER',
  DELIVERY_MANAGER = 'DELIVERY_MANAGER',
  ADMIN = 'ADMIN',
}

export const ALL_ROLES = Object.values(Role);

/** Who is asking: the verified claims of an access token. */
export interface Viewer {
  id: string;
  roles: Role[];
  /** The login session the token belongs to; logout and reuse detection revoke it. */
  sessionId: string;
}

export function hasRole(viewer: Viewer | null | undefined, ...roles: Role[]): boolean {
  return !!viewer && roles.some((role) => viewer.roles.includes(role));
}
