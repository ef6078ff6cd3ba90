import { type PipeTransform } from '@nestjs/common';
import { toFieldIssues } from '@waymark/shared';
import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * The one validation pipe: parses with a shared zod schema and answers `validation_failed` with
 * `{path, message}` per problem. `@Body(new ZodPipe(contract.x.body))`.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new AppError('validation_failed', undefined, toFieldIssues(result.error));
    }
    return result.data;
  }
}
