/**
 * declutter: the main article of a web page (HTML or a text dump), and a scorer for extractions.
 *
 *   input ─► blocks ─► features ─► classify ─► select ─► Article ─► render
 */
import { batchOptions, runBatch, type BatchEvents, type BatchRequest, type BatchSummary } from './batch/run.js';

export { declutter } from './declutter.js';

/**
 * Cleans many pages (folders, globs, files, JSON Lines, web archives) on worker threads, as `declutter batch`
 * does: resolves with the run's summary once every page is written or listed among the failures.
 */
export function batch(request: BatchRequest, events: BatchEvents = {}): Promise<BatchSummary> {
  return runBatch(batchOptions(request), events);
}
export type { BatchRequest, BatchEvents, BatchProgress, BatchSummary, Failure } from './batch/run.js';
export { BatchUsageError } from './batch/walk.js';
export { OutputError, OutputClosedError } from './batch/run.js';

export { score } from './score/index.js';
export type { Scores } from './score/index.js';
export type { Article, Comments, EmptyReason, Metadata, InputKind } from './article.js';
export { contentBlocks } from './article.js';
export type {
  Block,
  BlockKind,
  BlockFeatures,
  BlockMarkup,
  ImageRef,
  InlineSpan,
  InlineStyle,
  Label,
  LinkSpan,
  TableCell,
} from './blocks/block.js';
export type { Reason, ReasonCode, Section, StageName, Tier, TraceEntry } from './blocks/trace.js';
export { CALIBRATION, resolveCalibration, type Calibration, type CalibrationOverride } from './classify/calibration.js';
export { STAGE_NAMES } from './classify/index.js';
export { CONFIDENCE_CUT } from './classify/confidence.js';
export { REASONS, describeReason, type ReasonInfo } from './classify/reasons.js';
export {
  DEFAULT_OPTIONS,
  DeclutterOptionsError,
  FAVORS,
  FORMATS,
  INPUT_HINTS,
  OPTION_SPECS,
  type DeclutterOptions,
  type Favor,
  type Format,
  type InputHint,
  type OptionSpec,
} from './options.js';
export { renderFormat, type RenderOptions } from './render/format.js';
export { renderText } from './render/text.js';
export { renderJson } from './render/json.js';
export { renderExplain } from './render/explain.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { renderReport, analyseReport, describeFrom, type ReportOptions, type ReportAnalysis, type ReasonDescriber } from './report/page.js';
export { renderReportIndex, type IndexEntry, type IndexOptions, type RunFacts } from './report/index-page.js';
