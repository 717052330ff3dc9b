/**
 * Trackplan's pure core: plan model, rules and checks. Imports neither VS Code, the language
 * server, nor Node's file system; hosts pass files in through WorkspaceFileSystem.
 */
export * from './cancellation';
export * from './diagnostics/finding';
export * from './diagnostics/findingData';
export * from './diagnostics/ruleCodes';
export * from './diagnostics/applySeverities';
export * from './text/textRange';
export * from './text/lineIndex';
export * from './text/documentText';
export * from './plan/planModel';
export * from './plan/planShape';
export * from './plan/parsePlan';
export * from './plan/planJsonSchema';
export * from './check/checkPlan';
export * from './check/checkWorkspace';
export * from './check/configurationError';
export * from './workspace/workspaceFileSystem';
export * from './workspace/findPlanFiles';
export * from './workspace/uris';
export * from './workspace/globPattern';
export * from './workspace/collectSourceFiles';
export * from './check/discoverPlans';
export * from './scan/callFacts';
export * from './scan/sourceFrontEnd';
export * from './scan/frontEnds';
export * from './workspaceIndex/workspaceIndex';
export * from './workspaceIndex/workspaceUsage';
export * from './workspaceIndex/governingPlan';
export * from './workspaceIndex/indexWorkspaceFiles';
export * from './edits/textEdit';
export * from './edits/insertPlanEntry';
export * from './features/symbols';
export * from './features/hover';
export * from './features/definition';
export * from './features/references';
export * from './features/rename';
export * from './features/codeLens';
export * from './features/documentSymbols';
export * from './features/workspaceSymbols';
export * from './features/completion';
export * from './features/codeActions';
export * from './features/quickFixes/codeAction';
export * from './rules/code/planLookup';
export * from './util/closestName';
