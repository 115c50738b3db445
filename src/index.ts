/**
 * The `lecture` library: the same functions the command line uses.
 */
export { build, type BuildOptions, type BuildResult } from './course/build.js';
export { check, type CheckOptions, type CheckResult } from './check/check.js';
export { serve, type ServeOptions, type ServeHandle, type BuildEvent } from './serve/serve.js';
export { pdf, type PdfOptions, type PdfResult } from './export/run-pdf.js';
export type { WrittenPdf } from './export/export-deck.js';
export type { CheckContext, CheckedLecture, LectureFacts, MessageSource, Target, TargetData } from './check/types.js';
export { formatReport, formats, type Format } from './check/report/index.js';
export { discoverLectures, LectureNotFoundError, type Lecture } from './course/discover.js';
export { NoLecturesError } from './course/no-lectures.js';
export { initCourse, type InitOptions, type InitResult } from './course/init.js';
export { explainDialect, type ExplainOptions, type Explanation } from './course/explain.js';
export { detectDialect, dialects, type Detection, type Dialect } from './dialects/detect.js';
export { loadConfig, ConfigError, configNames, type LoadedConfig } from './config/load.js';
export { defaultConfig, resolveConfig, type Config, type RevealOptions, type UserConfig, type RuleSetting, type CheckSettings } from './config/schema.js';
export { createParser, createProcessor, type ProcessorOptions } from './pipeline.js';
export { report, rules, type RuleId, type Severity } from './diagnostics.js';
export { parseAttributes } from './mdast/parse-attributes.js';
export { slugify } from './mdast/slug.js';
export type * from './types.js';
