"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SearchHit } from "@/lib/content/search";
import { ApiError, callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { SearchForm, searchFormOf } from "./search-form";
import { SearchResults } from "./search-results";

const PAGE_SIZE = 20;

/** Search over the index; the query and filters live in the URL (`/search?q=…`), so results can be linked. */
export function SearchScreen() {
  const url = useUrlQuery();
  const form = searchFormOf(url.values);
  const page = Math.max(1, Number(url.values.page) || 1);
  const asked = form.q.trim() !== "";
  const results = useQuery({
    queryKey: ["search", url.queryString],
    queryFn: () => callApi<{ total: number; totalIsLowerBound: boolean; hits: SearchHit[] }>(`/api/search?${url.queryString}&pageSize=${PAGE_SIZE}`),
    enabled: asked,
    placeholderData: keepPreviousData,
  });
  const fieldErrors = results.error instanceof ApiError ? results.error.fields : {};
  const badInput = Object.keys(fieldErrors).length > 0;
  const data = results.data;

  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Search</h1>
        <p className="mt-1 text-sm text-slate-600">Search synced Confluence content: pages, blog posts, comments and attachments.</p>
      </div>
      <SearchForm key={url.queryString} initial={form} serverErrors={fieldErrors} onSearch={(next) => url.navigate({ ...next, viewAs: url.values.viewAs })} />
      {!asked ? (
        <EmptyState title="Search synced Confluence content">
          Type words to find; put a phrase in quotes, or a minus before a word to leave it out. Filter by space, type or the date last modified.
        </EmptyState>
      ) : results.isPending ? (
        <p className="text-sm text-slate-500" role="status">
          Searching…
        </p>
      ) : badInput ? (
        <Alert>Correct the fields marked above to search.</Alert>
      ) : results.isError || !data ? (
        <Alert>
          Search failed: {(results.error as Error | null)?.message ?? "no answer"}{" "}
          <Button variant="secondary" onClick={() => results.refetch()}>
            Retry
          </Button>
        </Alert>
      ) : data.total === 0 ? (
        <EmptyState title="No results">
          Nothing in the index matches “{form.q}”{hasFilters(form) ? " with these filters" : ""}. Try other words or fewer filters.
        </EmptyState>
      ) : (
        <div className={`space-y-3 ${results.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={results.isFetching || undefined}>
          <p className="text-sm text-slate-600" role="status">
            {data.totalIsLowerBound ? "More than " : ""}
            {data.total} result{data.total === 1 ? "" : "s"}
          </p>
          <SearchResults hits={data.hits} />
          <Pager label="Result pages" page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => url.update({ page: p > 1 ? p : undefined })} />
        </div>
      )}
    </section>
  );
}

const hasFilters = (form: Record<string, string>) => ["space", "type", "modifiedFrom", "modifiedTo"].some((k) => form[k]);
