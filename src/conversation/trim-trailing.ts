// Drops trailing punctuation ("好的。。", "yes!!") in one backward pass. A regex such as /[。.!]+$/ looks
// like the same thing but retries from every punctuation mark, which is quadratic on a long run of them.

/** `text` without the characters of `chars` at its end. Linear in the length of `text`. */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
