import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, newsPage, PROSE, paragraphs } from "../../support/extract-pages.js";

const POST = [
  "We spent the week asking our viewers which songs they keep playing although they would never admit it at a dinner party, and the answers filled three notebooks.",
  "Some picked the summer hits everyone claims to be tired of; others named the ballads their parents played in the car, which they now play in their own cars on the way to work.",
  "The list below is only the first part: tell us what is missing, and the next one will be built from your answers, one song for every reader who writes in before Friday.",
  "Our producer swears she has never heard any of these songs, which is exactly what someone who knows every word of every one of them would say when the camera is on.",
  "One viewer wrote that she keeps a separate playlist for the gym so that nobody at home finds out, and another admitted to setting the same chorus as his alarm for six years.",
  "We will read the best answers on the air next week, with the songs playing underneath, and we promise not to laugh at anyone who signs their letter with their real name.",
];

const text = (article: string) => extractArticle(decoded(newsPage(article), "https://example.com/post")).text;

describe("captions that hold the post", () => {
  it("keeps a caption box that holds paragraphs of the post, beside the post's other paragraphs", () => {
    const article = `<h1>Our guilty pleasure songs</h1>
      <div class="feat-image-with-caption"><img src="/lead.jpg" alt="">
        <p class="wp-caption-text">${POST.join("<br><br>")}</p></div>${paragraphs()}`;
    const got = text(article);
    for (const line of [...POST, ...PROSE]) expect(got).toContain(line);
  });

  it("still drops an ordinary photo caption beside the story", () => {
    const caption = "The riverside park on Tuesday morning. (Photo: Jane Doe/Daily Example)";
    const article = `<h1>Park plan approved</h1>
      <figure><img src="/park.jpg" alt=""><figcaption>${caption}</figcaption></figure>${paragraphs()}`;
    const got = text(article);
    expect(got).toBe(PROSE.join("\n\n"));
  });
});
