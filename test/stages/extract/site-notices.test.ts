import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE, paragraphs } from "../../support/extract-pages.js";

const extract = (body: string) => extractArticle(decoded(html(body), "https://example.com/post")).text;

const BROWSER_NOTICE =
  "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. While you will be able to view the content of this page in your current browser, you will not be able to get the full visual experience.";
const BLOG_DISCLAIMER =
  "The opinions expressed here are my personal opinions. Content published here is not read or approved in advance by my employer and does not reflect its views.";

describe("site notices", () => {
  it("returns a short post, not the longer browser notice and disclaimer beside it", () => {
    const post = "Spent the weekend repotting the ferns, and the balcony finally looks alive again.";
    const text = extract(`
      <div class="wrap">
        <div class="post"><h2>Green again</h2><p>${post}</p></div>
        <div class="notes"><p>${BROWSER_NOTICE}</p><p>${BLOG_DISCLAIMER}</p></div>
      </div>`);
    expect(text).toContain(post);
    expect(text).not.toContain("best viewed");
    expect(text).not.toContain("opinions expressed");
  });

  it("drops the comment form's notices, trackback and newsletter lines and the copyright line under an article", () => {
    const text = extract(`
      <div class="story">${paragraphs()}
        <p>Your email address will not be published. Required fields are marked *</p>
        <p>You can follow any responses to this entry through the RSS 2.0 feed.</p>
        <p>TrackBack URL for this entry: https://example.com/trackback/2012</p>
        <p>Don't miss a post! Sign up for our weekly email newsletter.</p>
        <p>© 2012 The Riverside Notebook.</p>
      </div>`);
    expect(text).toBe(PROSE.join("\n\n"));
  });

  it("drops copyright lines in their other spellings, long ones too, and the comment form's avatar and length notes", () => {
    const longCopyright = `Copyright Thomson Reuters 2007. All rights reserved. ${"Republication or redistribution of this content, including by framing or similar means, is expressly prohibited without the prior written consent of the publisher. ".repeat(2)}`;
    const text = extract(`
      <div class="story">${paragraphs()}
        <p>(C) Copyright 2004 The Valley Gazette, all rights reserved.</p>
        <p>${longCopyright}</p>
        <p>Want a picture next to your name? Sign up for a Gravatar with the email you use here.</p>
        <p>Please limit your comments to the topic of the post and keep them civil.</p>
      </div>`);
    expect(longCopyright.length).toBeGreaterThan(200);
    expect(text).toBe(PROSE.join("\n\n"));
  });

  it("drops a long legal footer that opens with the copyright sign", () => {
    const footer = `©Riverside Notebook Limited, registered in England No. 1234567. ${"The Notebook is a registered trade name; this service is provided under our standard terms and conditions and our privacy policy, and material may only be reproduced under a licence. ".repeat(4)}`;
    const text = extract(`<div class="story">${paragraphs()}<p>${footer}</p></div>`);
    expect(footer.length).toBeGreaterThan(400);
    expect(text).toBe(PROSE.join("\n\n"));
  });

  it("keeps the article's own disclosure and prose that mentions a browser", () => {
    const lines = [
      ...PROSE,
      "Disclosure: the author was given a free season ticket by the park's trust and paid for the rest.",
      "The new map, which is best viewed in a browser on a large screen, shows every path the council plans to build, along with the wetland boundaries, the old parking site, the bus stops nearest to each gate, and the dates on which each part of the park will close while the work goes on; the parks department says it will be updated every month until the work is finished next spring, and paper copies can be picked up at the library.",
    ];
    expect(extract(`<div class="story">${paragraphs(lines)}</div>`)).toBe(lines.join("\n\n"));
  });
});
