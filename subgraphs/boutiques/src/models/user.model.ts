import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A user as this subgraph knows them: the key only. The users subgraph owns the rest. */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
