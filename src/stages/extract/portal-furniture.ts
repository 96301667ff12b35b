// Chinese and Japanese portal furniture read by its text, the way English datelines and ad labels are:
// meta lines ("2005-04-27 14:32 来源：某某网 作者：某某 阅读：8169"), copyright lines ("版权所有，未经许可
// 不得转载") and share prompts ("分享到：", "微信扫一扫"). Editor and reporter credits and "原标题" lines are
// left alone: most hand-made truths keep them as part of the article. A short "All rights reserved"
// notice is furniture in any script.

import type { Block } from "../../types.js";
import { isCommentLabel } from "./comment-labels.js";
import { isSiteNotice } from "./site-notices.js";

/** Labels of a story's meta line: source, author, time, publication, update, views. */
const META_LABEL =
  /(?:来源|來源|作者|时间|時間|发布|發布|发表于|更新|阅读|閱讀|浏览|瀏覽|点击|點擊|访问统计|字号)\s*[:：|]?/u;
/** A date or a time: 2005-04-27, 2005年3月11日, 9/17/2004, 14:32. */
const DATE_OR_TIME =
  /\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}:\d{2}/u;
/** A view counter: "已被阅读178次", "浏览次数: 2168", "您是本文第 154 个阅览者". */
const VIEW_COUNT =
  /(?:阅读|閱讀|浏览|瀏覽|点击|點擊|阅览|閱覽)[^。！？]{0,6}\d+|\d+\s*(?:次|个阅览者|人阅读)/u;
/** A sentence end: prose, not a meta line. */
const SENTENCE_END = /[。！？]/u;
/** Copyright and reprint notices. */
const COPYRIGHT =
  /版权所有|版權所有|未经(?:许可|授权|授權)不得转载|禁止转载|保留所有权|all rights reserved/iu;
/** Prompts to share, follow or print the page, standing alone on a line. */
const PROMPT =
  /^[\s【[(（]*(?:分享到|分享至|转发到|微信扫一扫|扫一扫|扫描二维码|关注我们|关注微信|打印本页|打印此文|关闭窗口|返回顶部|一键转发|收藏本文|添加收藏|加入收藏|设为首页)/u;

/** "Follow us" prompts: scan the QR code, follow the official account ("欢迎扫描二维码关注官方微信"). */
const FOLLOW =
  /(?:关注|關注|扫描|掃描|扫码|掃碼|扫一扫|長按|长按)[^。]{0,30}(?:公众号|公眾號|微信|微博|二维码|二維碼)|(?:公众号|公眾號|二维码|二維碼)[^。]{0,20}(?:关注|關注)/u;
/** A label naming the site's account or the story's keywords: "新浪新闻公众号", "关键字 : 香港". */
const LABEL =
  /^(?:[^\s。！？]{0,10}(?:公众号|公眾號|官方微信|官方微博)|(?:关键字|关键词|關鍵字|關鍵詞|标签|標籤)\s*[:：][^。！？]*)$/u;
const MAX_LABEL = 40;
/** A toolbar of bracketed buttons: "页面功能 【我来说两句】【推荐】【打印】【关闭】". */
const TOOLBAR = /^[^【】]{0,8}(?:【[^【】]{1,12}】\s*){3,}$/u;
const MAX_FOLLOW = 60;

/** Only lines in these scripts are read: English furniture is judged by the other rules. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Meta, copyright and prompt lines are short; longer ones are prose that mentions these words. */
const MAX_LINE = 100;
const MAX_PROMPT = 30;

/** A copyright notice is furniture in any script; a longer line that says "all rights reserved" is prose. */
const MAX_COPYRIGHT_LINE = 250;

function isFurnitureLine(text: string): boolean {
  const line = text.trim();
  if (line.length <= MAX_COPYRIGHT_LINE && /all rights reserved/i.test(line)) return true;
  if (isSiteNotice(line)) return true;
  if (!line || line.length > MAX_LINE || !SPACELESS.test(line)) return false;
  if (PROMPT.test(line) && line.length <= MAX_PROMPT) return true;
  if (TOOLBAR.test(line)) return true;
  if (line.length <= MAX_FOLLOW && FOLLOW.test(line)) return true;
  if (line.length <= MAX_LABEL && LABEL.test(line)) return true;
  if (COPYRIGHT.test(line)) return true;
  if (SENTENCE_END.test(line)) return false;
  return META_LABEL.test(line) && (DATE_OR_TIME.test(line) || VIEW_COUNT.test(line));
}

/** A paragraph, one-row table or one-item list that is portal furniture rather than article text. */
export function isPortalFurniture(block: Block): boolean {
  switch (block.type) {
    case "paragraph":
      return isFurnitureLine(block.text);
    case "table":
      return block.rows.length === 1 && isFurnitureLine((block.rows[0] ?? []).join(" "));
    case "list":
      return block.items.length === 1 && isFurnitureLine(block.items[0] ?? "");
    default:
      return false;
  }
}

/** Han and kana characters, counted to tell a line written in them from a mixed label. */
const SPACELESS_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Share of a line's characters that must be Han or kana for it to read as a written line. */
const MIN_SPACELESS_SHARE = 0.8;

/**
 * A line of Chinese or Japanese writing without a sentence mark: blogs set one phrase per line and leave
 * the full stop out ("ボロボロの小屋は床をはがして張り替えたり"). Labels and menus are links, dates or
 * mixed scripts, so a line that is almost all Han and kana is read as writing.
 */
export function isSpacelessLine(text: string): boolean {
  const chars = text.replace(/\s+/g, "");
  const spaceless = chars.match(SPACELESS_ALL)?.length ?? 0;
  return spaceless > 0 && spaceless >= chars.length * MIN_SPACELESS_SHARE && !isFurnitureLine(text);
}

/** An editor's or reporter's credit closing a Chinese story: "（责任编辑：王某）", "记者 李某 张某". */
const CREDIT =
  /^[\s(（【[]*(?:责任编辑|責任編輯|编辑|編輯|记者|記者|通讯员|通訊員|实习生|校对|审核|作者)\s*[:：]?\s*[\p{Script=Han}·\s、，,]{1,24}[)）】\]]*$/u;

/**
 * A credit line, which the truths keep as the story's last line: the container's trailing edge keeps it
 * although it is not prose.
 */
export function isCreditLine(block: Block): boolean {
  return block.type === "paragraph" && block.text.trim().length <= 40 && CREDIT.test(block.text.trim());
}

/**
 * Labels that open what follows an article on portals — reader comments, "related"/"recommended" teasers,
 * "follow us" boxes, the site's copyright or disclaimer notice ("反侵权公告", "免责声明"), a forum post's
 * back link ("← 返回", with the replies under it) — standing alone on a
 * line: the article ends where one starts. A comment box's label may carry its count ("网友评论（12）",
 * "共 4 条评论").
 */
const END_MARKER =
  /^(?:[←<«]?\s*返回(?:列表|首页|上页|目录)?|相关阅读|相关文章|相关推荐|热门推荐|为你推荐|猜你喜欢|大家都在看|热点推荐|關聯閱讀|相關閱讀|關聯文章|相關新聞|関連記事|関連ニュース|あわせて読みたい|おすすめ記事|人気記事|コメント|(?:热门|最新|网友|精彩|全部|读者|用户|相关|热点|發表|发表|我要|查看|更多)?(?:评论|評論|跟帖|留言)(?:区|區|列表)?|相关链接|相關連結|延伸阅读|延伸閱讀|回复线索|暂无评论|暂无留言|反侵权公告|侵权声明|版权声明|版權聲明|免责声明|免責聲明)\s*[:：]?\s*(?:[(（[【]?\s*(?:共\s*)?\d+\s*(?:条|條|人参与)?\s*[)）\]】]?)?$/u;

/** The text a block shows as one line: a paragraph or heading, a one-cell table, a one-item list. */
function lineOf(block: Block): string {
  switch (block.type) {
    case "table":
      return block.rows.length === 1 ? (block.rows[0] ?? []).filter(Boolean).join(" ") : "";
    case "list":
      return block.items.length === 1 ? (block.items[0] ?? "") : "";
    case "code":
      return "";
    default:
      return block.text;
  }
}

/** A label standing alone that opens what follows the article: comments, related stories. */
export function isEndMarker(block: Block): boolean {
  const line = lineOf(block).trim();
  return END_MARKER.test(line) || (block.type === "heading" && isCommentLabel(line));
}
