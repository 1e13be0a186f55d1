import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/** Lets the page inside a `Titled` name the thing it shows; undefined goes back to the route's title. */
const NameTitle = createContext<(name: string | undefined) => void>(() => {});

/**
 * Sets the document title for the page it wraps: "Jobs · Debrief", or, once the page has named what it shows
 * (`usePageTitle`), that name: "Backend Engineer · Jobs · Debrief".
 */
export function Titled({ title, children }: { title: string; children: ReactNode }) {
  const [name, setName] = useState<string>();
  const shown = name ?? title;
  useEffect(() => {
    document.title = shown ? `${shown} · Debrief` : 'Debrief';
  }, [shown]);
  return <NameTitle.Provider value={setName}>{children}</NameTitle.Provider>;
}

/**
 * Names the page after the one thing it is about, once its data has loaded, most specific first:
 * `usePageTitle(job && [job.title, 'Jobs'])` gives "Backend Engineer · Jobs · Debrief". Until then (undefined,
 * false) and after the page goes, the route's own title stands.
 */
export function usePageTitle(parts: readonly string[] | undefined | false | null) {
  const setName = useContext(NameTitle);
  const name = parts ? parts.join(' · ') : undefined;
  useEffect(() => {
    setName(name);
    return () => setName(undefined);
  }, [setName, name]);
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * On every change of page, scroll to the top and move focus to the new page's heading (its h1), so a screen reader
 * announces where the user arrived and the keyboard starts from there. The heading may appear only once the page's
 * code and data have loaded: watch for it a little while. The first page of a visit keeps the browser's own focus,
 * and focus the user has already put in a field is left alone.
 */
export function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return; // the first page (also when StrictMode runs the effect twice)
    shown.current = pathname;
    window.scrollTo(0, 0);
    const root = document.getElementById('root');
    if (!root) return;
    const focusHeading = () => {
      const active = document.activeElement;
      if (active && TYPING.has(active.tagName)) return true;
      const h1 = root.querySelector('h1');
      if (!h1) return false;
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname]);
}
