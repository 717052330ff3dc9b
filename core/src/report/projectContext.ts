import type { PlanModel } from '../plan/planModel';
import type { CallFact } from '../scan/callFacts';
import type { LineIndex } from '../text/lineIndex';
import type { SourceLink } from './workbookModel';

/** A governed source file's resolved calls, with what links to them need. */
export interface ProjectFile {
	readonly uri: string;
	readonly calls: readonly CallFact[];
	readonly lines: LineIndex;
}

/** What the parts of the workbook are built from: one plan, its calls, and a way to link to code. */
export interface ProjectContext {
	readonly plan: PlanModel;
	readonly files: readonly ProjectFile[];
	/** Every call of the project in file order, each with its file. */
	readonly calls: readonly { readonly file: ProjectFile; readonly call: CallFact }[];
	readonly link: (file: ProjectFile, offset: number) => SourceLink;
	/** The plan's name for a call's event (Ampli methods resolved), or the name in code. */
	readonly eventName: (call: CallFact) => string | undefined;
}
