import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/** The DOM id of the patient search box, which the "/" shortcut focuses. */
export const PATIENT_SEARCH_INPUT_ID = 'patient-search';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * "/" from anywhere in the shell jumps to patient search (the convention of search-first apps): it focuses the box
 * when the search screen is open and opens it otherwise. Ignored while typing in a field, where "/" is text.
 */
export function useSearchShortcut(enabled: boolean) {
  const navigate = useNavigate();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      const box = document.getElementById(PATIENT_SEARCH_INPUT_ID);
      if (box) box.focus();
      else void navigate('/patients');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, navigate]);
}
