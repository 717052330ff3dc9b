/** The part of LSP's CancellationToken the core needs; the server passes its own tokens straight in. */
export interface CancellationToken {
	readonly isCancellationRequested: boolean;
}

export const neverCancelled: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** Thrown by long loops when their token is cancelled; hosts translate it to their own cancellation. */
export class OperationCancelled extends Error {
	constructor() {
		super('Operation cancelled');
		this.name = 'OperationCancelled';
	}
}

export function throwIfCancelled(token: CancellationToken): void {
	if (token.isCancellationRequested) throw new OperationCancelled();
}
