import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  errorMessage,
  parseApiError,
  type ApiErrorInfo,
  type ErrorMessageOverrides,
  withoutInputKey,
} from '../utils/apiError';

export interface FeedbackState {
  /** Success message, announced politely. */
  status: string;
  /** Error message, announced as an alert. */
  error: string | null;
  /** Constraint messages that came with the error, without the API's input keys. */
  details: string[];
}

export interface Feedback extends FeedbackState {
  succeed: (message: string) => void;
  /**
   * Shows the message for an API error, with its constraint messages (without the API's input
   * keys) unless an override words the error; returns the parsed error for field-level handling.
   */
  fail: (error: unknown, overrides?: ErrorMessageOverrides) => ApiErrorInfo;
  clear: () => void;
}

/** Success / error messages of a form or a group of actions (see `FeedbackMessages`). */
export function useFeedback(): Feedback {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<FeedbackState>({ status: '', error: null, details: [] });
  const succeed = useCallback(
    (message: string) => setState({ status: message, error: null, details: [] }),
    [],
  );
  const fail = useCallback(
    (error: unknown, overrides?: ErrorMessageOverrides) => {
      const info = parseApiError(error);
      setState({
        status: '',
        error: errorMessage(info, t, i18n.language, overrides),
        // a form that words this error itself (an override) or places the constraints on its
        // fields (`useErrorSummary().reportApiError`) does not need them listed again
        details: overrides?.[info.code]
          ? []
          : [...new Set(info.validationErrors.map(withoutInputKey))],
      });
      return info;
    },
    [t, i18n.language],
  );
  const clear = useCallback(() => setState({ status: '', error: null, details: [] }), []);
  return { ...state, succeed, fail, clear };
}
