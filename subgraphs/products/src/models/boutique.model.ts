import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The boutiques subgraph's entity, declared by its key only: this subgraph adds its products. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A boutique of the marketplace.' })
export class Boutique {
  @Field(() => ID)
  id!: string;
}
