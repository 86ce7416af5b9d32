import 'reflect-metadata';
import { SubgraphRuntime, type RunningSubgraph } from '@vitrine/platform';
import type { ProductsConfig } from './config.js';
import { boutiqueTeamHandlers } from './events/consumers/boutique-team.consumer.js';
import { inStockHandlers } from './events/consumers/in-stock.consumer.js';
import { stockSagaHandlers } from './events/consumers/stock-saga.consumer.js';
import { createLoaders, type ProductsContext } from './loaders.js';
import { createBoutiqueTeamModel } from './models/boutique-team.model.js';
import { createCategoryModel } from './models/category.model.js';
import { createProductViewModel } from './models/product-view.model.js';
import { createProductModel } from './models/product.model.js';
import { createReservationModel } from './models/reservation.model.js';
import { createStockModel } from './models/stock.model.js';
import { buildProductsSchema } from './schema.js';
import { BoutiqueTeamService } from './services/boutique-team.service.js';
import { CategoryService } from './services/category.service.js';
import { ProductQueryService } from './services/product-query.service.js';
import { ProductViewService } from './services/product-view.service.js';
import { ProductService } from './services/product.service.js';
import { ReservationService } from './services/reservation.service.js';
import { StockService } from './services/stock.service.js';

export { loadProductsConfig, type ProductsConfig } from './config.js';
export { buildProductsSchema } from './schema.js';

/**
 * Starts the products subgraph: catalog, categories, variants, stock (and its saga with orders),
 * search and product views.
 */
export async function createProductsSubgraph(config: ProductsConfig): Promise<RunningSubgraph> {
  const runtime = await SubgraphRuntime.create(config);
  const productModel = createProductModel(runtime.db);
  const stockModel = createStockModel(runtime.db);
  const reservationModel = createReservationModel(runtime.db);
  const teamModel = createBoutiqueTeamModel(runtime.db);
  const categoryModel = createCategoryModel(runtime.db);
  const viewModel = createProductViewModel(runtime.db);
  runtime
    .outbox(productModel, stockModel, reservationModel)
    .indexes(teamModel, categoryModel, viewModel);

  const outbox = runtime.outboxWriter;
  const teams = new BoutiqueTeamService(teamModel, productModel);
  const categories = new CategoryService(categoryModel);
  const stock = new StockService(stockModel, outbox);
  const products = new ProductService(productModel, teams, categories, stock, outbox);
  const queries = new ProductQueryService(productModel, teams);
  const views = new ProductViewService(
    viewModel,
    productModel,
    queries,
    outbox,
    config.viewWindowMinutes,
  );
  const reservations = new ReservationService(reservationModel, teamModel, stock, outbox);

  runtime.consume([
    ...boutiqueTeamHandlers(teams),
    ...stockSagaHandlers(reservations),
    ...inStockHandlers(productModel),
  ]);
  runtime.every('sweep ended view windows', 600_000, () => views.sweep());

  const schema = await buildProductsSchema({ teams, categories, products, queries, views });
  return runtime.serve<ProductsContext>({
    schema,
    context: (base) => ({
      ...base,
      loaders: createLoaders({ queries, stock, teams, categories }),
    }),
  });
}
