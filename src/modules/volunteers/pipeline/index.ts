import type { ModuleContext } from '../../../core/module.js';
import { pipelineApi } from './pipeline.api.js';
import { pipelinePages } from './pipeline.pages.js';

/** The coordinator's pipeline: list, board, volunteer page, moves (single and bulk), exports, and the JSON API. */
export function pipelineRoutes(ctx: ModuleContext) {
  pipelinePages(ctx);
  pipelineApi(ctx);
}
