/** Demo data (implemented by the catalog/marketplace work). */
export async function seedIfEmpty(_url: string, _opts: { log: (l: string) => void }): Promise<boolean> {
  return false;
}
