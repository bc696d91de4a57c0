// Thrown by a channel that may not send a caseworker's reply because a WeCom member answers the person in the
// WeCom client (微信客服 人工接待): nothing was sent or queued, and the console tells them to reply there.
export class ReplyInWecomError extends Error {}
