import {paginatorFor, type PaginatorEntry} from './catalogue.js';
import type {Pagination} from './parse.js';

// The CLI's own pagination (`--max-items`, `--starting-token`): it fetches every page, then cuts
// the result list and hands back a token saying how far it got (botocore's PageIterator). A token
// is base64 of {"NextToken": null, "boto_truncate_amount": N} when the items all came from one call.

const encodeToken = (skip: number): string => Buffer.from(JSON.stringify({NextToken: null, boto_truncate_amount: skip}).replace(/,/g, ', ').replace(/:/g, ': ')).toString('base64');

/** Items to skip for a --starting-token; undefined when the token is not one the CLI made. */
const decodeToken = (token: string): number | undefined => {
	try {
		const data = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {boto_truncate_amount?: unknown};
		const skip = data.boto_truncate_amount ?? 0;
		return typeof skip === 'number' && Number.isInteger(skip) && skip >= 0 ? skip : undefined;
	} catch {
		return undefined;
	}
};

const resultKeys = (paginator: PaginatorEntry): string[] => (Array.isArray(paginator.resultKey) ? paginator.resultKey : [paginator.resultKey]);

export type Paged = {ok: true; output: Record<string, unknown> | undefined; nextToken?: string} | {ok: false; message: string};

/** Applies --starting-token and --max-items to an operation's full result. */
export const applyMaxItems = (operation: string, output: Record<string, unknown> | undefined, pagination: Pagination | undefined): Paged => {
	const paginator = paginatorFor(operation);
	if (!output || !paginator || !pagination || (pagination.maxItems === undefined && pagination.startingToken === undefined)) return {ok: true, output};
	const skip = pagination.startingToken === undefined ? 0 : decodeToken(pagination.startingToken);
	if (skip === undefined) return {ok: false, message: `Bad starting token: ${pagination.startingToken}`};
	const keys = resultKeys(paginator).filter(key => Array.isArray(output[key]));
	const total = Math.max(0, ...keys.map(key => (output[key] as unknown[]).length));
	const end = pagination.maxItems === undefined ? total : Math.min(total, skip + pagination.maxItems);
	const cut: Record<string, unknown> = {...output};
	for (const key of keys) cut[key] = (output[key] as unknown[]).slice(skip, end);
	delete cut.NextToken;
	return end < total ? {ok: true, output: cut, nextToken: encodeToken(end)} : {ok: true, output: cut};
};
