import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
};

export type ActorKind =
  | 'ADMIN'
  | 'BOUTIQUE_TEAM'
  | 'CUSTOMER'
  | 'DRIVER'
  | 'SYSTEM';

/** A delivery address in the address book of a user. */
export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Exactly one address of a non-empty book is the default. */
  isDefault: Scalars['Boolean']['output'];
  /** A name the user gives it: "Home", "Work". */
  label?: Maybe<Scalars['String']['output']>;
  latitude?: Maybe<Scalars['Float']['output']>;
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  longitude?: Maybe<Scalars['Float']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  postalCode: Scalars['String']['output'];
  recipientName: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2, e.g. FR. */
  country: Scalars['String']['input'];
  /** Make it the default address. */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postalCode: Scalars['String']['input'];
  recipientName: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

/** The coupon a payment used, and what it took off. */
export type AppliedCoupon = {
  __typename?: 'AppliedCoupon';
  amount: Money;
  code: Scalars['String']['output'];
};

export type ApplyForBoutiqueInput = {
  address: BoutiqueAddressInput;
  /** Category slugs, at most 10. */
  categories: Array<Scalars['String']['input']>;
  contact: BoutiqueContactInput;
  /** An https URL. */
  coverUrl?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** An https URL. */
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  openingHours: OpeningHoursInput;
  /** Normalized to a-z, 0-9 and hyphens (3 to 60); from the name when not given. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Tokens of a new or refreshed session, and whose they are. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** A short-lived JWT: send it as `Authorization: Bearer <token>`. */
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTimeISO']['output'];
  /** Exchange it once with `refreshToken`; a reused refresh token revokes the session. */
  refreshToken: Scalars['String']['output'];
  refreshTokenExpiresAt: Scalars['DateTimeISO']['output'];
  user: User;
};

/** An independent boutique selling on Vitrine. */
export type Boutique = {
  __typename?: 'Boutique';
  address: BoutiqueAddress;
  /** Category slugs. */
  categories: Array<Scalars['String']['output']>;
  contact: BoutiqueContact;
  /** The boutique's coupons, newest first. */
  coupons: CouponConnection;
  /** An https URL. */
  coverUrl?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Kilometres from the point of a `near` search; null otherwise. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  /** Open at the time of the request, on its own clock. */
  isOpenNow: Scalars['Boolean']['output'];
  /** An https URL. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  openingHours: OpeningHours;
  /** The boutique's orders, newest first. */
  orders: OrderConnection;
  owner: User;
  /** Payments that include an order of the boutique, newest first. */
  payments: PaymentConnection;
  products: ProductConnection;
  /** Unique, URL form: a-z, 0-9 and hyphens. Never changes. */
  slug: Scalars['String']['output'];
  /** Visible to its team and admins only. */
  staff: Array<User>;
  status: BoutiqueStatus;
  /** Visible to its team and admins only. */
  statusHistory: Array<BoutiqueStatusChange>;
  /** Why it was last rejected or suspended. Visible to its team and admins only. */
  statusReason?: Maybe<Scalars['String']['output']>;
  /** The boutique's Vitrine subscription (null if it never subscribed). */
  subscription?: Maybe<BoutiqueSubscription>;
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** An independent boutique selling on Vitrine. */
export type BoutiqueCouponsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** An independent boutique selling on Vitrine. */
export type BoutiqueOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: Scalars['Int']['input'];
};


/** An independent boutique selling on Vitrine. */
export type BoutiquePaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** An independent boutique selling on Vitrine. */
export type BoutiqueProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: Scalars['Int']['input'];
  sort?: ProductSort;
};

/** Where a boutique is, with its coordinates. */
export type BoutiqueAddress = {
  __typename?: 'BoutiqueAddress';
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country: Scalars['String']['output'];
  latitude: Scalars['Float']['output'];
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  longitude: Scalars['Float']['output'];
  postalCode: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
};

export type BoutiqueAddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2, e.g. FR. */
  country: Scalars['String']['input'];
  latitude: Scalars['Float']['input'];
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  longitude: Scalars['Float']['input'];
  postalCode: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

export type BoutiqueConnection = {
  __typename?: 'BoutiqueConnection';
  edges: Array<BoutiqueEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** How customers reach a boutique. */
export type BoutiqueContact = {
  __typename?: 'BoutiqueContact';
  email: Scalars['String']['output'];
  /** E.164, e.g. +33612345678. */
  phone?: Maybe<Scalars['String']['output']>;
};

export type BoutiqueContactInput = {
  email: Scalars['String']['input'];
  /** E.164, e.g. +33612345678. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type BoutiqueEdge = {
  __typename?: 'BoutiqueEdge';
  cursor: Scalars['String']['output'];
  node: Boutique;
};

export type BoutiqueFilter = {
  /** A category slug. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Within the circle, nearest first, with `distanceKm`. */
  near?: InputMaybe<NearInput>;
  /** Open now, on the wall clock of each boutique. */
  openNow?: InputMaybe<Scalars['Boolean']['input']>;
};

export type BoutiquePlanInput = {
  boutiqueId: Scalars['ID']['input'];
  interval: SubscriptionInterval;
  /** A plan code of subscriptionPlans: basic, pro, premium. */
  plan: Scalars['String']['input'];
};

/** Where a boutique stands in its approval lifecycle; only APPROVED ones are public. */
export type BoutiqueStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'SUSPENDED';

/** One move of a boutique through its lifecycle. */
export type BoutiqueStatusChange = {
  __typename?: 'BoutiqueStatusChange';
  /** Who made the change. */
  actorId: Scalars['ID']['output'];
  at: Scalars['DateTimeISO']['output'];
  from: BoutiqueStatus;
  reason?: Maybe<Scalars['String']['output']>;
  to: BoutiqueStatus;
};

/** A boutique's subscription to a Vitrine plan. */
export type BoutiqueSubscription = {
  __typename?: 'BoutiqueSubscription';
  boutique: Boutique;
  boutiqueId: Scalars['ID']['output'];
  /** Active or trialing, or past due within the grace period. */
  canSell: Scalars['Boolean']['output'];
  /** Ends at currentPeriodEnd instead of renewing. */
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  currentPeriodEnd?: Maybe<Scalars['DateTimeISO']['output']>;
  /** While past due, the boutique keeps selling until then. */
  graceUntil?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Stripe's subscription id. */
  id: Scalars['ID']['output'];
  interval: SubscriptionInterval;
  /** The plan code (see subscriptionPlans). */
  plan: Scalars['String']['output'];
  /** What each interval costs. */
  price: Money;
  status: BoutiqueSubscriptionStatus;
};

/** A boutique subscription's status, as Stripe reports it. */
export type BoutiqueSubscriptionStatus =
  /** Paid up. */
  | 'ACTIVE'
  /** Ended. */
  | 'CANCELED'
  /** Created; the first payment is not made yet. */
  | 'INCOMPLETE'
  /** The first payment was never made. */
  | 'INCOMPLETE_EXPIRED'
  /** A renewal failed; Stripe retries; the grace period runs. */
  | 'PAST_DUE'
  /** Paused; the boutique cannot sell. */
  | 'PAUSED'
  /** In its free trial. */
  | 'TRIALING'
  /** Stripe's retries are exhausted; the boutique cannot sell. */
  | 'UNPAID';

/** A customer's cart: items from any number of boutiques. */
export type Cart = {
  __typename?: 'Cart';
  /** The customer's id (one cart per customer). */
  id: Scalars['ID']['output'];
  /** Units in the cart. */
  itemCount: Scalars['Int']['output'];
  /** Oldest first. */
  lines: Array<CartLine>;
  /** Some line changed: accept the new prices or fix the lines first. */
  needsReview: Scalars['Boolean']['output'];
  /** Increases with every change of the cart. */
  revision: Scalars['Int']['output'];
  /** Current prices; null for an empty cart. */
  subtotal?: Maybe<Money>;
};

/** Checkout refused because lines changed since the customer saw them: nothing was ordered. */
export type CartChanged = {
  __typename?: 'CartChanged';
  /** The cart, with the changed lines flagged. */
  cart: Cart;
  message: Scalars['String']['output'];
};

/** A line of a cart, priced now from the catalog. `priceChanged` and `unavailable` flag what changed since the customer added it. */
export type CartLine = {
  __typename?: 'CartLine';
  /** Units that can be bought now. */
  available: Scalars['Int']['output'];
  /** Null if the product is gone. */
  boutique?: Maybe<Boutique>;
  colour?: Maybe<Scalars['String']['output']>;
  /** The variant id: a cart holds one line per variant. */
  id: Scalars['ID']['output'];
  lineTotal: Money;
  /** What changed, for the customer. */
  message?: Maybe<Scalars['String']['output']>;
  /** The current price differs from the one shown. */
  priceChanged: Scalars['Boolean']['output'];
  product: Product;
  quantity: Scalars['Int']['output'];
  /** The price shown when the line was added or last accepted. */
  shownUnitPrice: Money;
  size?: Maybe<Scalars['String']['output']>;
  sku: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** The line cannot be bought as it is: product or boutique closed, variant gone, or not enough stock. */
  unavailable: Scalars['Boolean']['output'];
  /** The current price (what checkout charges). */
  unitPrice: Money;
  variantId: Scalars['ID']['output'];
};

/** A node of the category tree (e.g. Women > Shoes > Sneakers). */
export type Category = {
  __typename?: 'Category';
  /** From the root down to the parent. */
  ancestors: Array<Category>;
  children: Array<Category>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parent?: Maybe<Category>;
  /** Unique, lower case, URL-safe. */
  slug: Scalars['String']['output'];
};

export type CategoryInput = {
  name: Scalars['String']['input'];
  /** None for a root category. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Derived from the name when omitted. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The orders of one checkout (one per boutique) and their sums. */
export type Checkout = {
  __typename?: 'Checkout';
  /** One delivery fee per boutique order. */
  deliveryFee: Money;
  /** The checkoutId of its orders; what payments charges. */
  id: Scalars['ID']['output'];
  orders: Array<Order>;
  subtotal: Money;
  tax: Money;
  /** What the customer pays for the whole checkout. */
  total: Money;
};

/** A payment, and what Stripe.js needs to confirm it. */
export type CheckoutPayment = {
  __typename?: 'CheckoutPayment';
  /** The PaymentIntent's client secret, while it waits for payment. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  payment: Payment;
};

/** The orders, or why the cart must be reviewed first. */
export type CheckoutResult = CartChanged | Checkout;

/** A discount code, applied when a checkout is paid. */
export type Coupon = {
  __typename?: 'Coupon';
  active: Scalars['Boolean']['output'];
  /** For FIXED: what it takes off. */
  amountOff?: Maybe<Money>;
  /** Only this boutique's items. */
  boutiqueId?: Maybe<Scalars['ID']['output']>;
  /** Only this category's items (and its subcategories'). */
  categoryId?: Maybe<Scalars['ID']['output']>;
  /** Upper case; customers type it in any case. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: CouponKind;
  /** Redemptions allowed in all; null: no limit. */
  maxRedemptions?: Maybe<Scalars['Int']['output']>;
  /** The least the eligible items must add up to. */
  minOrder?: Maybe<Money>;
  perCustomerLimit: Scalars['Int']['output'];
  /** For PERCENTAGE: 1 to 100. */
  percentOff?: Maybe<Scalars['Int']['output']>;
  redeemed: Scalars['Int']['output'];
  validFrom?: Maybe<Scalars['DateTimeISO']['output']>;
  validUntil?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type CouponConnection = {
  __typename?: 'CouponConnection';
  edges: Array<CouponEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

export type CouponEdge = {
  __typename?: 'CouponEdge';
  cursor: Scalars['String']['output'];
  node: Coupon;
};

/** How a coupon takes money off. */
export type CouponKind =
  | 'FIXED'
  | 'PERCENTAGE';

export type CreateCouponInput = {
  amountOff?: InputMaybe<MoneyInput>;
  /** Required of a boutique's owner: their boutique. */
  boutiqueId?: InputMaybe<Scalars['ID']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** 3 to 32 letters, digits, - or _ (stored upper case). */
  code: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  kind: CouponKind;
  /** Redemptions allowed in all; none: no limit. */
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  minOrder?: InputMaybe<MoneyInput>;
  perCustomerLimit?: InputMaybe<Scalars['Int']['input']>;
  percentOff?: InputMaybe<Scalars['Int']['input']>;
  validFrom?: InputMaybe<Scalars['DateTimeISO']['input']>;
  validUntil?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type CreateProductInput = {
  boutiqueId: Scalars['ID']['input'];
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** https URLs, the first is the cover. */
  images?: InputMaybe<Array<Scalars['String']['input']>>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
  /** At least one; every price in one currency. */
  variants: Array<VariantInput>;
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** A customer's loyalty points. */
export type LoyaltyAccount = {
  __typename?: 'LoyaltyAccount';
  /** Points that can be spent now (never negative). */
  balance: Scalars['Int']['output'];
  /** The ledger, newest first. */
  history: LoyaltyEntryConnection;
  nextExpiry?: Maybe<LoyaltyExpiry>;
};


/** A customer's loyalty points. */
export type LoyaltyAccountHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** One line of the loyalty ledger. */
export type LoyaltyEntry = {
  __typename?: 'LoyaltyEntry';
  at: Scalars['DateTimeISO']['output'];
  /** For earned points: when they expire. */
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Unique in the ledger. */
  key: Scalars['ID']['output'];
  kind: LoyaltyEntryKind;
  /** The payment that caused it, if any. */
  paymentId?: Maybe<Scalars['ID']['output']>;
  /** Signed: positive when points came in. */
  points: Scalars['Int']['output'];
};

export type LoyaltyEntryConnection = {
  __typename?: 'LoyaltyEntryConnection';
  edges: Array<LoyaltyEntryEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

export type LoyaltyEntryEdge = {
  __typename?: 'LoyaltyEntryEdge';
  cursor: Scalars['String']['output'];
  node: LoyaltyEntry;
};

/** Why points came or went. */
export type LoyaltyEntryKind =
  | 'EARNED'
  | 'EXPIRED'
  | 'RESTORED'
  | 'REVERSED'
  | 'SPENT';

/** The next loyalty points to expire. */
export type LoyaltyExpiry = {
  __typename?: 'LoyaltyExpiry';
  at: Scalars['DateTimeISO']['output'];
  points: Scalars['Int']['output'];
};

/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  /** Minor units: 1999 is 19.99 (JPY has none: 1999 is ¥1999). */
  amount: Scalars['Int']['output'];
  /** ISO 4217 code, e.g. EUR. */
  currency: Scalars['String']['output'];
};

/** An amount in minor units (1999 is 19.99) and an ISO 4217 code. */
export type MoneyInput = {
  amount: Scalars['Int']['input'];
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The customer accepts the current prices of every line (after a CartChanged checkout result). */
  acceptCartChanges: Cart;
  /** paid → accepted: the boutique team or an admin. */
  acceptOrder: Order;
  /** The first address of a book becomes its default. */
  addAddress: Address;
  /** Owner and admins. Adding a member again changes nothing. */
  addBoutiqueStaff: Boutique;
  /** Adds units of a variant (to its line if there is one). BAD_USER_INPUT names the field: a product or boutique not selling (productId), an unknown variant (variantId), a quantity out of 1..99 or over the stock (quantity). */
  addToCart: Cart;
  addVariant: Product;
  /** Restock (delta > 0) or write off (delta < 0) units; never below zero. */
  adjustStock: Variant;
  /** Applies to open a boutique, owned by the signed-in user; it starts PENDING. */
  applyForBoutique: Boutique;
  /** PENDING → APPROVED. Admins only. */
  approveBoutique: Boutique;
  /** Cancels at the end of the paid period; the boutique sells until then. */
  cancelBoutiqueSubscription: BoutiqueSubscription;
  /** Cancels: the customer while payment is pending; the boutique team once paid or accepted; an admin in those statuses. */
  cancelOrder: Order;
  /** Moves a boutique's running subscription to another plan or interval, prorated. */
  changeBoutiquePlan: BoutiqueSubscription;
  /** Also ends every other session of the account. */
  changePassword: Scalars['Boolean']['output'];
  /** Turns the cart into one order per boutique under one checkout id, priced from the catalog. The same idempotencyKey returns the same checkout and creates nothing twice. CartChanged when a line changed since it was shown. */
  checkout: CheckoutResult;
  clearCart: Cart;
  /** Admins only. */
  createCategory: Category;
  /** Creates a coupon: admins any, a boutique's owner one for their boutique only. */
  createCoupon: Coupon;
  /** A new DRAFT product with its variants and stock. */
  createProduct: Product;
  /** Stops a coupon from applying to new checkouts. */
  deactivateCoupon: Coupon;
  grantRole: User;
  /** Refunds (part of) an order's share of its payment: admins at any time, the boutique's team within the refund window. Never more than was captured for the order. */
  issueRefund: Payment;
  login: AuthPayload;
  /** Ends this session, or every session of the account. */
  logout: Scalars['Boolean']['output'];
  /** picked_up → delivered: a driver or an admin. */
  markOrderDelivered: Order;
  /** ready_for_pickup → picked_up: a driver or an admin. */
  markOrderPickedUp: Order;
  /** preparing → ready_for_pickup: the boutique team or an admin. */
  markOrderReady: Order;
  /** Counts a view of a product: once per viewer (user, or client address) per time window. True when it counted. */
  recordProductView: Scalars['Boolean']['output'];
  /** Exchanges a refresh token for new tokens; each works once. */
  refreshToken: AuthPayload;
  /** delivered, or cancelled after payment → refunded: admins only. */
  refundOrder: Order;
  /** Creates a customer account and signs it in. */
  register: AuthPayload;
  /** SUSPENDED → APPROVED. Admins only. */
  reinstateBoutique: Boutique;
  /** PENDING → REJECTED, with a reason for the owner. Admins only. */
  rejectBoutique: Boutique;
  /** Removing the default makes the next address the default. */
  removeAddress: Scalars['Boolean']['output'];
  /** Owner and admins; a staff member may remove themselves. */
  removeBoutiqueStaff: Boutique;
  removeFromCart: Cart;
  /** A product keeps at least one variant. */
  removeVariant: Product;
  /** Sends a reset link if the email has an account. Always true, so that it reveals nothing. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Sets a new password with a reset token; ends every session. */
  resetPassword: Scalars['Boolean']['output'];
  /** REJECTED → PENDING: the owner applies again after edits. */
  resubmitBoutique: Boutique;
  /** Undoes cancelBoutiqueSubscription before the period ends. */
  resumeBoutiqueSubscription: BoutiqueSubscription;
  revokeRole: User;
  setDefaultAddress: Address;
  setProductStatus: Product;
  /** Starts (or returns) the payment of a checkout: the orders' totals less the coupon and the loyalty points, as a Stripe PaymentIntent whose client secret Stripe.js confirms. Calling it again returns the same payment. */
  startCheckoutPayment: CheckoutPayment;
  /** accepted → preparing: the boutique team or an admin. */
  startPreparingOrder: Order;
  /** Subscribes a boutique to a plan (owner or admin). CONFLICT if it already has a running subscription. */
  subscribeBoutique: SubscribeBoutiquePayload;
  /** APPROVED → SUSPENDED, with a reason. Admins only. */
  suspendBoutique: Boutique;
  updateAddress: Address;
  /** For its owner, staff (not name or address) and admins. */
  updateBoutique: Boutique;
  /** Sets a line's quantity; the line takes the current price. */
  updateCartItem: Cart;
  updateProduct: Product;
  updateProfile: User;
  updateVariant: Product;
};


export type MutationAcceptOrderArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationAddAddressArgs = {
  input: AddressInput;
};


export type MutationAddBoutiqueStaffArgs = {
  boutiqueId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationAddToCartArgs = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationAddVariantArgs = {
  input: VariantInput;
  productId: Scalars['ID']['input'];
};


export type MutationAdjustStockArgs = {
  delta: Scalars['Int']['input'];
  productId: Scalars['ID']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationApplyForBoutiqueArgs = {
  input: ApplyForBoutiqueInput;
};


export type MutationApproveBoutiqueArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelBoutiqueSubscriptionArgs = {
  boutiqueId: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationChangeBoutiquePlanArgs = {
  input: BoutiquePlanInput;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCheckoutArgs = {
  idempotencyKey: Scalars['String']['input'];
  shippingAddress: ShippingAddressInput;
};


export type MutationCreateCategoryArgs = {
  input: CategoryInput;
};


export type MutationCreateCouponArgs = {
  input: CreateCouponInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationDeactivateCouponArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGrantRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationIssueRefundArgs = {
  input: RefundOrderInput;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  everywhere?: Scalars['Boolean']['input'];
};


export type MutationMarkOrderDeliveredArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationMarkOrderPickedUpArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationMarkOrderReadyArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationRecordProductViewArgs = {
  productId: Scalars['ID']['input'];
};


export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefundOrderArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationReinstateBoutiqueArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRejectBoutiqueArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveBoutiqueStaffArgs = {
  boutiqueId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRemoveFromCartArgs = {
  variantId: Scalars['ID']['input'];
};


export type MutationRemoveVariantArgs = {
  productId: Scalars['ID']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationResubmitBoutiqueArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeBoutiqueSubscriptionArgs = {
  boutiqueId: Scalars['ID']['input'];
};


export type MutationRevokeRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationSetDefaultAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetProductStatusArgs = {
  id: Scalars['ID']['input'];
  status: ProductStatus;
};


export type MutationStartCheckoutPaymentArgs = {
  input: StartCheckoutPaymentInput;
};


export type MutationStartPreparingOrderArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationSubscribeBoutiqueArgs = {
  input: BoutiquePlanInput;
};


export type MutationSuspendBoutiqueArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUpdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAddressInput;
};


export type MutationUpdateBoutiqueArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBoutiqueInput;
};


export type MutationUpdateCartItemArgs = {
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};


export type MutationUpdateVariantArgs = {
  input: UpdateVariantInput;
  productId: Scalars['ID']['input'];
  variantId: Scalars['ID']['input'];
};

/** A circle on the map. */
export type NearInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** Kilometres, more than 0 and at most 100. */
  radiusKm: Scalars['Float']['input'];
};

export type OpeningDay = {
  __typename?: 'OpeningDay';
  ranges: Array<OpeningRange>;
  weekday: Weekday;
};

export type OpeningDayInput = {
  ranges: Array<OpeningRangeInput>;
  weekday: Weekday;
};

/** Weekly opening hours on the wall clock of the boutique. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  /** Days not listed are closed. */
  days: Array<OpeningDay>;
  /** IANA time zone name, e.g. Europe/Paris. */
  timezone: Scalars['String']['output'];
};

export type OpeningHoursInput = {
  /** Days not listed are closed. */
  days: Array<OpeningDayInput>;
  /** IANA time zone name, e.g. Europe/Paris. */
  timezone: Scalars['String']['input'];
};

/** One opening of a day, local time. */
export type OpeningRange = {
  __typename?: 'OpeningRange';
  /** "HH:MM", 00:00 to 24:00; at or before `opens`, the range ends the next day. */
  closes: Scalars['String']['output'];
  /** "HH:MM", 00:00 to 23:59. */
  opens: Scalars['String']['output'];
};

export type OpeningRangeInput = {
  /** "HH:MM", 00:00 to 24:00; at or before `opens`, ends the next day. */
  closes: Scalars['String']['input'];
  /** "HH:MM", 00:00 to 23:59. */
  opens: Scalars['String']['input'];
};

/** What one customer bought from one boutique in one checkout. */
export type Order = {
  __typename?: 'Order';
  boutique: Boutique;
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Shared by the orders of one checkout (one payment). */
  checkoutId: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  customer: User;
  deliveryFee: Money;
  /** Oldest first. */
  history: Array<OrderStatusChange>;
  id: Scalars['ID']['output'];
  items: Array<OrderItem>;
  /** The order's payment, once started. */
  payment?: Maybe<Payment>;
  shippingAddress: ShippingAddress;
  status: OrderStatus;
  stock: StockStatus;
  subtotal: Money;
  tax: Money;
  /** subtotal + tax + deliveryFee. */
  total: Money;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

/** Every given condition must hold. */
export type OrderFilter = {
  /** Created at or after. */
  createdAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Created before. */
  createdBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<OrderStatus>>;
};

/** A line of an order, as it was bought (a snapshot). */
export type OrderItem = {
  __typename?: 'OrderItem';
  colour?: Maybe<Scalars['String']['output']>;
  /** unitPrice × quantity. */
  lineTotal: Money;
  product: Product;
  quantity: Scalars['Int']['output'];
  size?: Maybe<Scalars['String']['output']>;
  sku: Scalars['String']['output'];
  title: Scalars['String']['output'];
  unitPrice: Money;
  variantId: Scalars['ID']['output'];
};

/** Where an order stands. */
export type OrderStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'DELIVERED'
  | 'PAID'
  | 'PENDING_PAYMENT'
  | 'PICKED_UP'
  | 'PREPARING'
  | 'READY_FOR_PICKUP'
  | 'REFUNDED';

/** One step of an order’s life: what changed, when and by whom. */
export type OrderStatusChange = {
  __typename?: 'OrderStatusChange';
  /** Null when the system moved it. */
  actorId?: Maybe<Scalars['ID']['output']>;
  actorKind: ActorKind;
  at: Scalars['DateTimeISO']['output'];
  /** Null for the creation. */
  from?: Maybe<OrderStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: OrderStatus;
};

/** Where a page of a connection stands in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** The payment of a checkout's orders. */
export type Payment = {
  __typename?: 'Payment';
  /** What is charged: subtotal less discount. */
  amount: Money;
  checkoutId: Scalars['String']['output'];
  coupon?: Maybe<AppliedCoupon>;
  createdAt: Scalars['DateTimeISO']['output'];
  currency: Scalars['String']['output'];
  customerId: Scalars['ID']['output'];
  /** Coupon and loyalty discounts together. */
  discount: Money;
  /** Declined attempts so far. */
  failedAttempts: Scalars['Int']['output'];
  /** Why the last attempt was declined (the customer may try again), or why it failed. */
  failureReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  loyaltyPointsSpent: Scalars['Int']['output'];
  /** card, ... (once paid). */
  method?: Maybe<Scalars['String']['output']>;
  orderIds: Array<Scalars['ID']['output']>;
  /** Each order's share. A boutique's team sees its own boutique's orders only; the customer and admins see all. */
  orders: Array<PaymentOrderShare>;
  paidAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Refunded or being refunded, all orders together. */
  refunded: Money;
  /** Oldest first. A boutique's team sees the refunds of its own orders only. */
  refunds: Array<Refund>;
  status: PaymentStatus;
  /** The orders' totals. */
  subtotal: Money;
  /** The Stripe PaymentIntent id. */
  transactionId?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  edges: Array<PaymentEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  cursor: Scalars['String']['output'];
  node: Payment;
};

/** One order's share of a payment. */
export type PaymentOrderShare = {
  __typename?: 'PaymentOrderShare';
  boutiqueId: Scalars['ID']['output'];
  /** What was charged for it: total less discount. */
  captured: Money;
  /** Its share of the coupon and loyalty discounts. */
  discount: Money;
  /** Cancelled before the payment started: not charged. */
  excluded: Scalars['Boolean']['output'];
  order: Order;
  /** What can still be refunded. */
  refundable: Money;
  /** Refunded or being refunded. */
  refunded: Money;
  /** The order's total, before discounts. */
  total: Money;
};

export type PaymentStatus =
  | 'CREATING'
  | 'FAILED'
  | 'REQUIRES_PAYMENT'
  | 'SUCCEEDED';

/** A product of a boutique. */
export type Product = {
  __typename?: 'Product';
  boutique: Boutique;
  boutiqueId: Scalars['ID']['output'];
  brand?: Maybe<Scalars['String']['output']>;
  category?: Maybe<Category>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The one currency of every price of the product. */
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** https URLs, the first is the cover. */
  images: Array<Scalars['String']['output']>;
  /** Whether any variant has units on sale. */
  inStock: Scalars['Boolean']['output'];
  /** The highest price of its variants. */
  maxPrice: Money;
  /** The lowest price of its variants. */
  minPrice: Money;
  status: ProductStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  variants: Array<Variant>;
  /** Distinct views (one per viewer per time window). */
  views: Scalars['Int']['output'];
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

/** Every filter given applies. */
export type ProductFilter = {
  boutiqueId?: InputMaybe<Scalars['ID']['input']>;
  /** The category or any of its descendants. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  colour?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Minor units. */
  maxPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Minor units. */
  minPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Words that start words of the title, brand, tags or category. */
  search?: InputMaybe<Scalars['String']['input']>;
  size?: InputMaybe<Scalars['String']['input']>;
  /** Other than ACTIVE: the boutique's team only (with boutiqueId). */
  status?: InputMaybe<ProductStatus>;
};

export type ProductSort =
  | 'NEWEST'
  | 'POPULAR'
  | 'PRICE_ASC'
  | 'PRICE_DESC';

/** Only ACTIVE products of approved boutiques are public. */
export type ProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

/** What a user shows of themselves to everyone. */
export type Profile = {
  __typename?: 'Profile';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Approved boutiques for everyone; others for their team and admins. */
  boutique: Boutique;
  /** As `boutique`, by slug. */
  boutiqueBySlug: Boutique;
  /** Approved boutiques, newest first, or nearest first with `near`. */
  boutiques: BoutiqueConnection;
  /** Boutiques in a status, oldest first. Admins only. */
  boutiquesForReview: BoutiqueConnection;
  /** The signed-in user's cart (empty if they never had one). */
  cart: Cart;
  /** The root categories, or the children of parentId. */
  categories: Array<Category>;
  /** A category by id or by slug. */
  category?: Maybe<Category>;
  /** Every coupon, newest first (admins). */
  coupons: CouponConnection;
  /** The signed-in user. */
  me: User;
  /** An order: its customer's, its boutique team's, or an admin's. */
  order: Order;
  /** Every order, newest first. Admins only. */
  orders: OrderConnection;
  /** For its customer, its boutiques and admins. */
  payment: Payment;
  /** Every payment, newest first (admins). */
  payments: PaymentConnection;
  /** A product you may see; NOT_FOUND otherwise. */
  product: Product;
  /** Search the catalog. The public sees ACTIVE products of approved boutiques; with boutiqueId, its team also sees the rest. */
  products: ProductConnection;
  /** The plans boutiques can subscribe to. */
  subscriptionPlans: Array<SubscriptionPlan>;
  /** An account: your own, or anyone for an admin. */
  user: User;
  /** Accounts, newest first. Admins only. */
  users: UserConnection;
};


export type QueryBoutiqueArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBoutiqueBySlugArgs = {
  slug: Scalars['String']['input'];
};


export type QueryBoutiquesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BoutiqueFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryBoutiquesForReviewArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  status?: BoutiqueStatus;
};


export type QueryCategoriesArgs = {
  parentId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCategoryArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCouponsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: Scalars['Int']['input'];
  sort?: ProductSort;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  role?: InputMaybe<Role>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A refund of (part of) one order's share of a payment. */
export type Refund = {
  __typename?: 'Refund';
  amount: Money;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  order: Order;
  reason: Scalars['String']['output'];
  /** Who asked for it; null for the system. */
  requestedBy?: Maybe<Scalars['ID']['output']>;
  /** When Stripe confirmed or refused it. */
  settledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: RefundStatus;
};

export type RefundOrderInput = {
  /** Minor units; all that can still be refunded of the order when absent. */
  amount?: InputMaybe<Scalars['Int']['input']>;
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type RefundStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** A new account. The password must have 10+ characters mixing three kinds. */
export type RegisterInput = {
  email: Scalars['String']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  password: Scalars['String']['input'];
};

/** What an account may do; one account may hold several. */
export type Role =
  | 'ADMIN'
  | 'BOUTIQUE_OWNER'
  | 'CUSTOMER'
  | 'DELIVERY_MANAGER'
  | 'DRIVER';

export type ShippingAddress = {
  __typename?: 'ShippingAddress';
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2. */
  country: Scalars['String']['output'];
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  postalCode: Scalars['String']['output'];
  recipientName: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
};

export type ShippingAddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2, e.g. FR. */
  country: Scalars['String']['input'];
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  /** E.164, e.g. +33612345678. */
  phone?: InputMaybe<Scalars['String']['input']>;
  postalCode: Scalars['String']['input'];
  recipientName: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

export type StartCheckoutPaymentInput = {
  /** The id that `checkout` returned. */
  checkoutId: Scalars['ID']['input'];
  couponCode?: InputMaybe<Scalars['String']['input']>;
  /** Loyalty points to spend. */
  loyaltyPoints?: InputMaybe<Scalars['Int']['input']>;
};

/** Units of a variant: on sale, held by orders, sold. */
export type StockLevel = {
  __typename?: 'StockLevel';
  available: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  sold: Scalars['Int']['output'];
};

/** Whether products holds the order's stock. */
export type StockStatus =
  | 'FAILED'
  | 'PENDING'
  | 'RESERVED';

export type SubscribeBoutiquePayload = {
  __typename?: 'SubscribeBoutiquePayload';
  /** Client secret of the first invoice's payment, to confirm with Stripe.js while the subscription is INCOMPLETE; null when nothing is left to pay. */
  paymentClientSecret?: Maybe<Scalars['String']['output']>;
  subscription: BoutiqueSubscription;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The signed-in user's account, each time it changes (from any device). */
  myAccountUpdated: User;
  /** The order each time its status changes. Only its customer and its boutique’s owner and staff (FORBIDDEN for anyone else). */
  orderUpdated: Order;
};


export type SubscriptionOrderUpdatedArgs = {
  orderId: Scalars['ID']['input'];
};

/** How often a boutique subscription is billed. */
export type SubscriptionInterval =
  | 'MONTH'
  | 'YEAR';

/** A plan a boutique can subscribe to. */
export type SubscriptionPlan = {
  __typename?: 'SubscriptionPlan';
  /** What subscribeBoutique takes as plan: basic, pro, premium. */
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  features: Array<Scalars['String']['output']>;
  /** Published products; null is unlimited. */
  maxProducts?: Maybe<Scalars['Int']['output']>;
  /** Staff accounts; null is unlimited. */
  maxStaff?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  prices: Array<SubscriptionPlanPrice>;
};

/** The price of a plan for one billing interval. */
export type SubscriptionPlanPrice = {
  __typename?: 'SubscriptionPlanPrice';
  interval: SubscriptionInterval;
  price: Money;
};

/** Only the fields given change. */
export type UpdateAddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  /** Make it the default address. */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  recipientName?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; null clears an optional one. Staff may change all but name and address. */
export type UpdateBoutiqueInput = {
  /** Replaces the whole address. */
  address?: InputMaybe<BoutiqueAddressInput>;
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  contact?: InputMaybe<BoutiqueContactInput>;
  coverUrl?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces all the hours. */
  openingHours?: InputMaybe<OpeningHoursInput>;
};

/** Only the fields given change; null clears a nullable field. */
export type UpdateProductInput = {
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** https URLs, the first is the cover. */
  images?: InputMaybe<Array<Scalars['String']['input']>>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; null clears a field. */
export type UpdateProfileInput = {
  /** An https URL. */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** E.164, e.g. +33612345678. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; null clears a nullable field. */
export type UpdateVariantInput = {
  colour?: InputMaybe<Scalars['String']['input']>;
  compareAtPrice?: InputMaybe<MoneyInput>;
  price?: InputMaybe<MoneyInput>;
  size?: InputMaybe<Scalars['String']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
};

/** An account: a customer, a boutique owner, a driver, staff or all of these. */
export type User = {
  __typename?: 'User';
  /** Visible to the user and admins only. */
  addresses: Array<Address>;
  /** Boutiques the user owns or staffs, any status, newest first. The user and admins only. */
  boutiques: BoutiqueConnection;
  cart: Cart;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Normalized (trimmed, lower case). Visible to the user and admins only. */
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The user's loyalty points. */
  loyalty: LoyaltyAccount;
  /** The user's orders, newest first. */
  orders: OrderConnection;
  /** The user's payments, newest first. */
  payments: PaymentConnection;
  /** E.164. Visible to the user and admins only. */
  phone?: Maybe<Scalars['String']['output']>;
  profile: Profile;
  /** Visible to the user and admins only. */
  roles: Array<Role>;
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** An account: a customer, a boutique owner, a driver, staff or all of these. */
export type UserBoutiquesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** An account: a customer, a boutique owner, a driver, staff or all of these. */
export type UserOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: Scalars['Int']['input'];
};


/** An account: a customer, a boutique owner, a driver, staff or all of these. */
export type UserPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** A sellable form of a product: a size and colour, with its price. */
export type Variant = {
  __typename?: 'Variant';
  /** Units on sale now. */
  available: Scalars['Int']['output'];
  colour?: Maybe<Scalars['String']['output']>;
  /** The "was" price shown struck through. */
  compareAtPrice?: Maybe<Money>;
  id: Scalars['ID']['output'];
  inStock: Scalars['Boolean']['output'];
  price: Money;
  size?: Maybe<Scalars['String']['output']>;
  /** Unique within the boutique. */
  sku: Scalars['String']['output'];
  /** Available, reserved and sold units: the boutique's team and admins only. */
  stock?: Maybe<StockLevel>;
};

export type VariantInput = {
  colour?: InputMaybe<Scalars['String']['input']>;
  compareAtPrice?: InputMaybe<MoneyInput>;
  price: MoneyInput;
  size?: InputMaybe<Scalars['String']['input']>;
  /** Unique within the boutique: letters, digits, dot, dash, underscore. */
  sku: Scalars['String']['input'];
  /** Initial units on sale. */
  stock?: InputMaybe<Scalars['Int']['input']>;
};

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, email: string, roles: Array<Role>, phone?: string | null, profile: { __typename?: 'Profile', firstName?: string | null, lastName?: string | null }, addresses: Array<{ __typename?: 'Address', id: string, city: string, isDefault: boolean }> } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { __typename?: 'Mutation', updateProfile: { __typename?: 'User', id: string, profile: { __typename?: 'Profile', firstName?: string | null, lastName?: string | null } } };

export type AddAddressMutationVariables = Exact<{
  input: AddressInput;
}>;


export type AddAddressMutation = { __typename?: 'Mutation', addAddress: { __typename?: 'Address', id: string, city: string, isDefault: boolean } };

export type MyAccountUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyAccountUpdatedSubscription = { __typename?: 'Subscription', myAccountUpdated: { __typename?: 'User', id: string, profile: { __typename?: 'Profile', firstName?: string | null, lastName?: string | null } } };

export type SessionFragment = { __typename?: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename?: 'User', id: string, email: string, roles: Array<Role> } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { __typename?: 'Mutation', register: { __typename?: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename?: 'User', id: string, email: string, roles: Array<Role> } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename?: 'User', id: string, email: string, roles: Array<Role> } } };

export type RefreshMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type RefreshMutation = { __typename?: 'Mutation', refreshToken: { __typename?: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename?: 'User', id: string, email: string, roles: Array<Role> } } };

export type LogoutMutationVariables = Exact<{
  everywhere?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type GrantRoleMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  role: Role;
}>;


export type GrantRoleMutation = { __typename?: 'Mutation', grantRole: { __typename?: 'User', id: string, roles: Array<Role> } };

export type ApplyForBoutiqueMutationVariables = Exact<{
  input: ApplyForBoutiqueInput;
}>;


export type ApplyForBoutiqueMutation = { __typename?: 'Mutation', applyForBoutique: { __typename?: 'Boutique', id: string, slug: string, status: BoutiqueStatus } };

export type ApproveBoutiqueMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveBoutiqueMutation = { __typename?: 'Mutation', approveBoutique: { __typename?: 'Boutique', id: string, status: BoutiqueStatus } };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { __typename?: 'Mutation', createProduct: { __typename?: 'Product', id: string, status: ProductStatus, variants: Array<{ __typename?: 'Variant', id: string, sku: string }> } };

export type SetProductStatusMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  status: ProductStatus;
}>;


export type SetProductStatusMutation = { __typename?: 'Mutation', setProductStatus: { __typename?: 'Product', id: string, status: ProductStatus } };

export type SearchProductsQueryVariables = Exact<{
  filter?: InputMaybe<ProductFilter>;
  first: Scalars['Int']['input'];
}>;


export type SearchProductsQuery = { __typename?: 'Query', products: { __typename?: 'ProductConnection', totalCount: number, edges: Array<{ __typename?: 'ProductEdge', node: { __typename?: 'Product', id: string, title: string, boutique: { __typename?: 'Boutique', id: string, name: string }, variants: Array<{ __typename?: 'Variant', id: string, sku: string, price: { __typename?: 'Money', amount: number, currency: string } }> } }> } };

export type AddToCartMutationVariables = Exact<{
  productId: Scalars['ID']['input'];
  variantId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
}>;


export type AddToCartMutation = { __typename?: 'Mutation', addToCart: { __typename?: 'Cart', itemCount: number, subtotal?: { __typename?: 'Money', amount: number, currency: string } | null } };

export type CheckoutMutationVariables = Exact<{
  key: Scalars['String']['input'];
  address: ShippingAddressInput;
}>;


export type CheckoutMutation = { __typename?: 'Mutation', checkout: { __typename: 'CartChanged', message: string } | { __typename: 'Checkout', id: string, total: { __typename?: 'Money', amount: number, currency: string }, orders: Array<{ __typename?: 'Order', id: string, status: OrderStatus, total: { __typename?: 'Money', amount: number, currency: string }, boutique: { __typename?: 'Boutique', id: string } }> } };

export type OrderStockQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderStockQuery = { __typename?: 'Query', order: { __typename?: 'Order', id: string, status: OrderStatus, stock: StockStatus } };

export type AcceptOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcceptOrderMutation = { __typename?: 'Mutation', acceptOrder: { __typename?: 'Order', id: string, status: OrderStatus } };

export type StartPreparingOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StartPreparingOrderMutation = { __typename?: 'Mutation', startPreparingOrder: { __typename?: 'Order', id: string, status: OrderStatus } };

export type OrderUpdatedSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderUpdatedSubscription = { __typename?: 'Subscription', orderUpdated: { __typename?: 'Order', id: string, status: OrderStatus, boutique: { __typename?: 'Boutique', name: string }, items: Array<{ __typename?: 'OrderItem', quantity: number, product: { __typename?: 'Product', title: string } }> } };

export type PaymentSummaryFragment = { __typename?: 'Payment', id: string, status: PaymentStatus, transactionId?: string | null, orderIds: Array<string>, amount: { __typename?: 'Money', amount: number, currency: string }, subtotal: { __typename?: 'Money', amount: number, currency: string }, discount: { __typename?: 'Money', amount: number, currency: string }, coupon?: { __typename?: 'AppliedCoupon', code: string, amount: { __typename?: 'Money', amount: number, currency: string } } | null };

export type StartCheckoutPaymentMutationVariables = Exact<{
  input: StartCheckoutPaymentInput;
}>;


export type StartCheckoutPaymentMutation = { __typename?: 'Mutation', startCheckoutPayment: { __typename?: 'CheckoutPayment', clientSecret?: string | null, payment: { __typename?: 'Payment', id: string, status: PaymentStatus, transactionId?: string | null, orderIds: Array<string>, amount: { __typename?: 'Money', amount: number, currency: string }, subtotal: { __typename?: 'Money', amount: number, currency: string }, discount: { __typename?: 'Money', amount: number, currency: string }, coupon?: { __typename?: 'AppliedCoupon', code: string, amount: { __typename?: 'Money', amount: number, currency: string } } | null } } };

export type CreateCouponMutationVariables = Exact<{
  input: CreateCouponInput;
}>;


export type CreateCouponMutation = { __typename?: 'Mutation', createCoupon: { __typename?: 'Coupon', id: string, code: string, kind: CouponKind, percentOff?: number | null, active: boolean } };

export type IssueRefundMutationVariables = Exact<{
  input: RefundOrderInput;
}>;


export type IssueRefundMutation = { __typename?: 'Mutation', issueRefund: { __typename?: 'Payment', id: string, refunded: { __typename?: 'Money', amount: number, currency: string }, refunds: Array<{ __typename?: 'Refund', id: string, status: RefundStatus, amount: { __typename?: 'Money', amount: number, currency: string }, order: { __typename?: 'Order', id: string } }> } };

export type OrderPaymentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderPaymentQuery = { __typename?: 'Query', order: { __typename?: 'Order', id: string, status: OrderStatus, history: Array<{ __typename?: 'OrderStatusChange', from?: OrderStatus | null, to: OrderStatus }>, total: { __typename?: 'Money', amount: number, currency: string }, payment?: { __typename?: 'Payment', status: PaymentStatus, transactionId?: string | null, amount: { __typename?: 'Money', amount: number, currency: string }, orders: Array<{ __typename?: 'PaymentOrderShare', order: { __typename?: 'Order', id: string }, captured: { __typename?: 'Money', amount: number }, refunded: { __typename?: 'Money', amount: number }, refundable: { __typename?: 'Money', amount: number } }>, refunds: Array<{ __typename?: 'Refund', status: RefundStatus, reason: string, amount: { __typename?: 'Money', amount: number, currency: string }, order: { __typename?: 'Order', id: string } }> } | null } };

export type MyPaymentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPaymentsQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, payments: { __typename?: 'PaymentConnection', totalCount: number, edges: Array<{ __typename?: 'PaymentEdge', node: { __typename?: 'Payment', id: string, status: PaymentStatus, amount: { __typename?: 'Money', amount: number, currency: string } } }> }, loyalty: { __typename?: 'LoyaltyAccount', balance: number } } };

export const SessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<SessionFragment, unknown>;
export const PaymentSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orderIds"}}]}}]} as unknown as DocumentNode<PaymentSummaryFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const AddAddressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAddress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]} as unknown as DocumentNode<AddAddressMutation, AddAddressMutationVariables>;
export const MyAccountUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyAccountUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAccountUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<MyAccountUpdatedSubscription, MyAccountUpdatedSubscriptionVariables>;
export const RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Refresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"everywhere"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"everywhere"},"value":{"kind":"Variable","name":{"kind":"Name","value":"everywhere"}}}]}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const GrantRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<GrantRoleMutation, GrantRoleMutationVariables>;
export const ApplyForBoutiqueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyForBoutique"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyForBoutiqueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyForBoutique"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApplyForBoutiqueMutation, ApplyForBoutiqueMutationVariables>;
export const ApproveBoutiqueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveBoutique"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveBoutique"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveBoutiqueMutation, ApproveBoutiqueMutationVariables>;
export const CreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProductMutation, CreateProductMutationVariables>;
export const SetProductStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetProductStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setProductStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetProductStatusMutation, SetProductStatusMutationVariables>;
export const SearchProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"boutique"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchProductsQuery, SearchProductsQueryVariables>;
export const AddToCartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddToCart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addToCart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productId"}}},{"kind":"Argument","name":{"kind":"Name","value":"variantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quantity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<AddToCartMutation, AddToCartMutationVariables>;
export const CheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Checkout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"address"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShippingAddressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"shippingAddress"},"value":{"kind":"Variable","name":{"kind":"Name","value":"address"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Checkout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"boutique"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CartChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutMutation, CheckoutMutationVariables>;
export const OrderStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stock"}}]}}]}}]} as unknown as DocumentNode<OrderStockQuery, OrderStockQueryVariables>;
export const AcceptOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AcceptOrderMutation, AcceptOrderMutationVariables>;
export const StartPreparingOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPreparingOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPreparingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartPreparingOrderMutation, StartPreparingOrderMutationVariables>;
export const OrderUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"boutique"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderUpdatedSubscription, OrderUpdatedSubscriptionVariables>;
export const StartCheckoutPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartCheckoutPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartCheckoutPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCheckoutPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orderIds"}}]}}]} as unknown as DocumentNode<StartCheckoutPaymentMutation, StartCheckoutPaymentMutationVariables>;
export const CreateCouponDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCoupon"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCouponInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCoupon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"percentOff"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<CreateCouponMutation, CreateCouponMutationVariables>;
export const IssueRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IssueRefundMutation, IssueRefundMutationVariables>;
export const OrderPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"captured"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refunded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderPaymentQuery, OrderPaymentQueryVariables>;
export const MyPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPayments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyalty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}}]}}]} as unknown as DocumentNode<MyPaymentsQuery, MyPaymentsQueryVariables>;