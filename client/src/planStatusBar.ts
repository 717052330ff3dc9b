import * as vscode from 'vscode';
import type { PlanStatus } from '../../server/src/planStatus';

/** The status bar item: group types and group properties used against Amplitude's limits; a click opens the plan. */
export class PlanStatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('trackplan.status', vscode.StatusBarAlignment.Left, 10);
	private plans: readonly PlanStatus[] = [];

	constructor() {
		this.item.name = 'Trackplan limits';
		this.item.command = 'trackplan.openPlan';
	}

	show(plans: readonly PlanStatus[]): void {
		this.plans = plans;
		if (plans.length === 0) {
			this.item.hide();
			return;
		}
		const plan = plans[0]!;
		const types = Math.max(plan.groupTypes, plan.groupTypesInCode);
		const over = types > plan.groupTypeLimit || plan.groupProperties > plan.groupPropertyLimit;
		this.item.text = `$(${over ? 'warning' : 'organization'}) ${types}/${plan.groupTypeLimit} groups · ${plan.groupProperties}/${plan.groupPropertyLimit} props`;
		this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
		const tooltip = new vscode.MarkdownString(`**Trackplan** — ${plans.length} plan${plans.length > 1 ? 's' : ''}\n\n`);
		for (const p of plans) {
			tooltip.appendMarkdown(
				`- ${p.project ?? vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))}: ${p.groupTypes} / ${p.groupTypeLimit} group types declared (${p.groupTypesInCode} used in code), ${p.groupProperties} / ${p.groupPropertyLimit} group properties, ${p.sourceFiles} source files\n`,
			);
		}
		tooltip.appendMarkdown('\nClick to open the plan.');
		this.item.tooltip = tooltip;
		this.item.show();
	}

	firstPlan(): string | undefined {
		return this.plans[0]?.uri;
	}

	dispose(): void {
		this.item.dispose();
	}
}
