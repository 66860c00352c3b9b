/**
 * Calls into Pagefind's Node API that fail loudly: any error Pagefind reports, or its process
 * dying without an answer, becomes a {@link SearchIndexError} (and fails the build).
 */
import type { PagefindIndex } from 'pagefind';

/** Thrown when Pagefind reports a problem; the message lists Pagefind's own errors. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Không tạo được chỉ mục tìm kiếm (Pagefind, bước ${step}): ${errors.join('; ') || 'lỗi không rõ'}`);
    this.name = 'SearchIndexError';
  }
}

/**
 * Adds pages to a Pagefind index in the given order. Pagefind's process handles requests one
 * at a time in the order they arrive, so all are sent at once: the order holds, and Pagefind
 * decodes the next page while it indexes one.
 *
 * @example
 * await addPages(index, [{ url: '/bai-viet/a/', content: '<!doctype html>…' }]);
 */
export async function addPages(
  index: PagefindIndex,
  pages: readonly { url: string; content: string }[],
): Promise<void> {
  const added = await answered('addHTMLFile', () => Promise.all(pages.map((page) => index.addHTMLFile(page))));
  const errors = added.flatMap((answer) => answer.errors);
  if (errors.length > 0) throw new SearchIndexError('addHTMLFile', errors);
}

/**
 * Runs one Pagefind call, failing if Pagefind's process dies before answering. Pagefind's
 * Node wrapper does not watch its child process: when the binary panics (it does, for
 * example, on an output path that cannot be created) the call's promise never settles and
 * Node, with nothing left to do, would exit as if the build had succeeded. A pending call
 * holds a reference on that process, so the event loop draining while we wait means it
 * is gone.
 *
 * @example
 * const { index } = await answered('createIndex', () => pagefind.createIndex({ forceLanguage: 'vi' }));
 */
export function answered<T>(step: string, call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const died = () => reject(new SearchIndexError(step, ['tiến trình Pagefind đã dừng mà không trả lời']));
    process.once('beforeExit', died);
    call()
      .then(resolve, (error: unknown) =>
        reject(new SearchIndexError(step, [error instanceof Error ? error.message : String(error)])),
      )
      .finally(() => process.off('beforeExit', died));
  });
}
