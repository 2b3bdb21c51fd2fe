// A localStorage stand-in for the Node tests: a Map, which a test can make full
// (setItem throws QuotaExceededError, as a browser's does).

export class FakeStorage {
  constructor() {
    this.items = new Map();
    this.full = false;
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    if (this.full) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}
