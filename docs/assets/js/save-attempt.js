// Säljkompetens: "Spara det här försöket" under the self-assessment's report: one's own answers,
// dated today and with the share key of the statements they answer, added to this browser's
// list of attempts (attempts.js), only when the visitor asks. Someone else's answers (a share
// link or an imported file shown beside one's own) are never saved as one's own attempt.

import { AttemptStore, ownAttempt } from "./attempts.js";
import { failureText } from "./storage.js";

/**
 * @param {{button: HTMLElement|null, status: HTMLElement|null, model: object,
 *   own: import("./storage.js").OwnAnswers, shared: {open: boolean}}} parts
 */
export function saveAttemptButton({ button, status, model, own, shared }, store = new AttemptStore()) {
  if (!button || !status) return; // a self-test's page: no attempts
  const say = (text, kind = "info") => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  button.addEventListener("click", () => {
    if (shared.open) {
      return say(
        "Det här är inte dina egna svar, så de sparas inte som ditt försök. Visa dina egna svar först.",
        "warning",
      );
    }
    const answered = own.state.answers.size;
    if (!answered) return say("Svara på påståendena först; sedan kan du spara försöket.", "warning");
    const attempt = ownAttempt(own.state, model);
    const saved = store.add(attempt);
    if (!saved.ok) return say(`Försöket kunde inte sparas: ${failureText(saved.error)}.`, "error");
    if (!saved.added) return say(`Det här försöket (${attempt.date}) är redan sparat.`);
    const total = model.itemIds.length;
    const count = saved.attempts.length;
    say(
      `Försöket är sparat i den här webbläsaren (${attempt.date}, ${answered} av ${total} besvarade). ` +
        `Du har ${count} ${count === 1 ? "sparat försök" : "sparade försök"}.`,
    );
  });
}
