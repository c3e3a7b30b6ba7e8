// Clears this origin's sessionStorage, then opens the widget URL given in the
// fragment. The frame's window stays the same, so the host page's source check
// still matches after the navigation.
sessionStorage.clear();
const target = new URL(decodeURIComponent(window.location.hash.slice(1)), window.location.href);
// Only pages of this origin: the fragment must not turn this page into a redirector.
if (target.origin === window.location.origin) window.location.replace(target.href);
