/**
 * The part of reveal.js's API the browser tests call, as `window.Reveal`.
 */
export interface RevealApi {
  isReady(): boolean;
  getTotalSlides(): number;
  slide(h: number, v?: number, f?: number): void;
  getIndices(slide?: Element): { h: number; v: number };
  hasPlugin(id: string): boolean;
  getSlideNotes(slide?: Element): string;
  getCurrentSlide(): Element;
  isOverview(): boolean;
}

declare global {
  interface Window {
    Reveal: RevealApi;
  }
}
