import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ChoiceSelect } from '../ui/ChoiceSelect';
import { CopyButton } from '../ui/CopyButton';
import { useStore, useWouldSend } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';
import { REASON_LABELS, REQUEST_KINDS, reasonWords, type ReasonContext } from '../ui/would-send-words';
import { METHODS, kindTakesSite, type WouldSendOutcome, type WsCookie } from '../state/would-send-slice';
import { urlWithSchemeGuessed } from '../core/scheme-guess';

/** Cookies that stay home shown at first; the rest behind a button (a site may have hundreds). */
const NOT_SENT_SHOWN = 50;
/** Characters of the header shown (the copy button copies it whole). */
const HEADER_SHOWN = 4000;

type Result = Extract<WouldSendOutcome, { kind: 'result' }>;

function Scope({ view }: { view: WsCookie }) {
  const c = view.cookie;
  return (
    <span class="ws-scope muted">
      <ValueText value={c.domain} max={80} /> <ValueText value={c.path} max={80} />
      {c.hostOnly ? ' (host-only)' : ''}
    </span>
  );
}

/** The cookie's name: a button that opens it in the detail pane when it is one of the table's rows. */
function ShowCookie({ view }: { view: WsCookie }) {
  const store = useStore();
  const name = <ValueText value={view.cookie.name === '' ? '(no name)' : view.cookie.name} max={64} />;
  if (!view.shown) return <span class="ws-name">{name}</span>;
  return (
    <button
      type="button"
      class="link ws-name"
      data-testid="ws-show"
      title="Show this cookie"
      onClick={() => store.selection.reveal(view.key)}
    >
      {name}
    </button>
  );
}

/** One cookie of a list: its name and scope, its identity in data attributes, then what the list says of it. */
function CookieItem(props: {
  view: WsCookie;
  testId: string;
  data: Record<`data-${string}`, string>;
  children?: ComponentChildren;
}) {
  const { view } = props;
  return (
    <li data-testid={props.testId} data-key={view.key} data-name={view.cookie.name} {...props.data}>
      <ShowCookie view={view} /> <Scope view={view} />
      {props.children}
    </li>
  );
}

function SentList({ result }: { result: Result }) {
  if (result.sent.length === 0) {
    return (
      <p class="muted" data-testid="ws-none-sent">
        No cookie of this site goes with this request: the Cookie header is left out.
      </p>
    );
  }
  return (
    <ol class="ws-list" data-testid="ws-sent" aria-label="Cookies sent, in header order">
      {result.sent.map((v) => {
        const shadowed = result.shadowed.has(v.cookie.name);
        return (
          <CookieItem
            key={v.key}
            view={v}
            testId="ws-sent-cookie"
            data={{ 'data-domain': v.cookie.domain, 'data-path': v.cookie.path, 'data-shadowed': String(shadowed) }}
          >
            {shadowed && (
              <span
                class="chip weak"
                data-testid="ws-shadowed"
                title="Another cookie of this name goes too, from another domain or path: the server sees both values and usually takes the first (see the cookie-shadowed finding)."
              >
                shadowed: name sent more than once
              </span>
            )}
          </CookieItem>
        );
      })}
    </ol>
  );
}

function NotSentList({ result }: { result: Result }) {
  const [all, setAll] = useState(false);
  const ctx: ReasonContext = {
    url: result.url,
    request: result.request,
    method: result.method,
    topLevelSite: result.topLevelSite,
    unspecifiedSameSite: result.unspecifiedSameSite,
  };
  const list = all ? result.notSent : result.notSent.slice(0, NOT_SENT_SHOWN);
  if (result.notSent.length === 0) return <p class="muted">Every cookie of this site goes.</p>;
  return (
    <>
      <ul class="ws-list" data-testid="ws-not-sent" aria-label="Cookies not sent">
        {list.map((view) => (
          <CookieItem
            key={view.key}
            view={view}
            testId="ws-not-sent-cookie"
            data={{ 'data-reasons': view.reasons.join(' ') }}
          >
            <ul class="ws-reasons">
              {view.reasons.map((r) => (
                <li key={r} data-testid="ws-reason" data-reason={r}>
                  <span class="chip off">{REASON_LABELS[r]}</span> {reasonWords(r, view.cookie, ctx)}
                </li>
              ))}
            </ul>
          </CookieItem>
        ))}
      </ul>
      {list.length < result.notSent.length && (
        <button type="button" data-testid="ws-more" onClick={() => setAll(true)}>
          Show all {result.notSent.length} cookies not sent
        </button>
      )}
    </>
  );
}

function ResultView({ result }: { result: Result }) {
  const where = result.sameSite
    ? 'A same-site request.'
    : `A cross-site request${result.topLevelSite ? `; top-level site ${result.topLevelSite}` : ''}.`;
  const unspecified =
    result.unspecifiedSameSite === 'lax'
      ? 'Cookies without SameSite count as Lax, as in Chromium.'
      : 'Cookies without SameSite count as None, as in Firefox.';
  const blocked = result.blockThirdPartyCookies ? ' Third-party cookies count as blocked.' : '';
  return (
    <div class="ws-result" data-testid="ws-result" data-order-certain={String(result.orderCertain)}>
      <p
        class="muted"
        data-testid="ws-context"
        data-same-site={String(result.sameSite)}
        data-block-third-party={String(result.blockThirdPartyCookies)}
      >
        {where} {unspecified}
        {blocked}
      </p>
      <h3>
        Sent <span class="count">({result.sent.length})</span>
      </h3>
      {result.sent.length > 0 && (
        <div class="ws-header">
          <code data-testid="ws-header">
            <ValueText value={`Cookie: ${result.header}`} max={HEADER_SHOWN} />
          </code>
          <CopyButton text={`Cookie: ${result.header}`} what="Cookie header" testId="ws-copy-header" />
        </div>
      )}
      {!result.orderCertain && (
        <p class="ws-caveat" data-testid="ws-order-caveat">
          The order may differ: cookies with paths of the same length go oldest first, and the browser does not tell
          extensions when a cookie was created. SessionScope knows it only for cookies it saw being set; the others keep
          the order the browser listed them in.
        </p>
      )}
      <SentList result={result} />
      <h3>
        Not sent <span class="count">({result.notSent.length})</span>
      </h3>
      <NotSentList result={result} />
    </div>
  );
}

function problemText(o: Exclude<WouldSendOutcome, { kind: 'result' }>): string {
  switch (o.kind) {
    case 'no-url':
      return 'Type a URL (http or https) to see which cookies a request to it carries.';
    case 'invalid-url': {
      const guess = urlWithSchemeGuessed(o.text);
      if (guess !== null) return `Give the URL with its scheme, e.g. ${guess}`;
      return o.problem === 'unparsable'
        ? 'This is not a URL: write it whole, e.g. https://app.example.com/account.'
        : 'Only http(s) and ws(s) requests carry cookies: give a URL with one of those schemes.';
    }
    case 'invalid-site':
      return 'This site is not readable: give a site or a URL, e.g. https://other.example.';
  }
}

/** Which cookies are asked about: the site's, or only the page's (while they are read, or when they cannot be). */
function SourceNote() {
  const source = useWouldSend().source.value;
  let text: string;
  if (source.kind === 'site') text = 'Asked about: every cookie of this site in this tab’s cookie store.';
  else if (source.loading)
    text = 'Reading the whole site’s cookies; until then, the page’s own cookies are asked about.';
  else if (source.error !== undefined) {
    text = `Asked about: the page’s own cookies only; the site’s could not be read (${source.error}).`;
  } else text = 'Asked about: the page’s own cookies (the table’s rows).';
  return (
    <p class="muted" data-testid="ws-source" data-source={source.kind}>
      {text}
    </p>
  );
}

/** A labelled text field for a URL or a site; while `invalid`, it points at the inline error. */
function UrlField(props: {
  label: string;
  testId: string;
  value: string;
  invalid: boolean;
  onInput: (value: string) => void;
  placeholder?: string;
  class?: string;
}) {
  return (
    <label class={props.class}>
      {props.label}{' '}
      <input
        type="text"
        inputMode="url"
        spellcheck={false}
        autoComplete="off"
        data-testid={props.testId}
        value={props.value}
        placeholder={props.placeholder}
        // Wide enough for its hint, which says what a blank field means.
        size={props.placeholder ? Math.max(20, props.placeholder.length + 1) : undefined}
        aria-invalid={props.invalid}
        aria-describedby={props.invalid ? 'ws-error' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

/** The browser setting that keeps unpartitioned cookies off cross-site requests, as a checkbox with its help. */
function BlockThirdPartyOption() {
  const ws = useWouldSend();
  return (
    <div class="ws-option">
      <label>
        <input
          type="checkbox"
          data-testid="ws-block-third-party"
          checked={ws.blockThirdParty.value}
          aria-describedby="ws-block-third-party-help"
          onChange={(e) => {
            ws.blockThirdParty.value = e.currentTarget.checked;
          }}
        />{' '}
        Third-party cookies blocked
      </label>{' '}
      <span id="ws-block-third-party-help" class="muted" data-testid="ws-block-third-party-help">
        As a browser that blocks them: a cross-site request carries only partitioned (CHIPS) cookies.
      </span>
    </div>
  );
}

function ToolBody() {
  const ws = useWouldSend();
  const store = useStore();
  const pageCookies = store.site.cookies.value;
  // The panel reloads its rows on every cookie change: read the site's cookies again with them.
  useEffect(() => {
    void ws.readJar();
  }, [ws, pageCookies]);
  const outcome = ws.outcome.value;
  const kind = ws.kind.value;
  const urlError = outcome.kind === 'invalid-url';
  const siteError = outcome.kind === 'invalid-site';
  return (
    <div class="ws-body">
      <p class="muted" data-testid="ws-help">
        Which of this site’s cookies (this tab’s cookie store) a request carries, in Cookie header order (longer paths
        first, then older cookies; RFC 6265bis §5.8.3), and why each other cookie stays home. localhost, *.localhost and
        127.0.0.1 count as secure, as browsers treat them.
      </p>
      <form class="ws-form" onSubmit={(e) => e.preventDefault()}>
        <UrlField
          label="URL"
          class="ws-url"
          testId="ws-url"
          value={ws.url.value}
          invalid={urlError}
          onInput={(v) => {
            ws.urlText.value = v;
          }}
        />
        <button
          type="button"
          data-testid="ws-page-url"
          disabled={ws.urlText.value === null}
          onClick={() => ws.usePageUrl()}
        >
          Use the page’s URL
        </button>
        <ChoiceSelect
          label="Request"
          testId="ws-kind"
          value={kind}
          options={REQUEST_KINDS}
          onChange={(k) => {
            ws.kind.value = k;
          }}
        />
        {kindTakesSite(kind) && (
          <UrlField
            label={kind === 'top-level-navigation' ? 'Coming from site' : 'Top-level site'}
            testId="ws-site"
            value={ws.siteText.value}
            placeholder={
              kind === 'top-level-navigation' ? 'blank: typed or same-site' : 'the page embedding the request'
            }
            invalid={siteError}
            onInput={(v) => {
              ws.siteText.value = v;
            }}
          />
        )}
        {kind === 'top-level-navigation' && (
          <ChoiceSelect
            label="Method"
            testId="ws-method"
            value={ws.method.value}
            options={METHODS.map((m) => ({ id: m, label: m }))}
            onChange={(m) => {
              ws.method.value = m;
            }}
          />
        )}
        <BlockThirdPartyOption />
      </form>
      <SourceNote />
      {outcome.kind === 'result' ? (
        <ResultView result={outcome} />
      ) : (
        <p id="ws-error" class="ws-error" data-testid="ws-error" data-problem={outcome.kind} aria-live="polite">
          {problemText(outcome)}
        </p>
      )}
    </div>
  );
}

/**
 * "Would it be sent?": folded at first, and worked out only while open (a keystroke in the table's filter or a
 * cookie change costs nothing while it is closed).
 */
export function WouldSendTool() {
  const [open, setOpen] = useState(false);
  return (
    <details class="would-send page-section" data-testid="would-send" open={open}>
      {/* The state, not the element, says whether it is open (Enter and Space on a summary click it too). */}
      <summary
        data-testid="would-send-toggle"
        onClick={(e) => {
          e.preventDefault();
          setOpen(!open);
        }}
      >
        <h2>Would it be sent?</h2>
      </summary>
      {open && <ToolBody />}
    </details>
  );
}
