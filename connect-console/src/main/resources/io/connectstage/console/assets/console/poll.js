// Status changes (Processing → Published, pending → Accepted) appear without a reload: a screen
// reads the API again every second while it is shown, and redraws only when the answer changed,
// keeping the keyboard focus where it was.

const EVERY_MS = 1000;

/** Calls load() now and every second until the returned stop() is called. */
export function poll(load) {
  let stopped = false;
  let timer = null;
  const tick = async () => {
    if (stopped) {
      return;
    }
    try {
      await load();
    } finally {
      if (!stopped) {
        timer = setTimeout(tick, EVERY_MS);
      }
    }
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Runs draw(), then gives the focus back to the element with the same data-focus, if any. */
export function keepingFocus(draw) {
  const key = document.activeElement && document.activeElement.getAttribute('data-focus');
  draw();
  if (key) {
    const again = [...document.querySelectorAll('[data-focus]')].find(e => e.getAttribute('data-focus') === key);
    if (again) {
      again.focus();
    }
  }
}
