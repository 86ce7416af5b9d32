/** Money is one shared type of the platform (`@shareable` across subgraphs). */
export { Money } from '@vitrine/platform';
