import { stop, type Phrasebook } from './phrasebook';

/** The drafts' wording in English. */
export const en: Phrasebook = {
  locale: 'en-GB',
  quotes: ['“', '”'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, ${hhmm}`,
  greeting: (who) => `Hi ${who},`,
  greetingNeutral: 'Hello,',
  signOff: 'Best regards,',

  reasonLabels: {
    scope: 'Out of the agreed scope',
    budget: 'Beyond the budget',
    timeline: 'The timeline cannot hold',
    interest: 'Not in the client’s interest',
    policy: 'Against policy or law',
  },
  alternatives: {
    scope: [
      'A smaller version now that fits within the agreed scope.',
      'The same work as the first item of the next phase.',
      'A change request with its own estimate, for your approval.',
      'An introduction to a specialist better placed to do it.',
    ],
    budget: [
      'A smaller version that fits the current budget.',
      'The same work spread over the next budget period.',
      'A separate quote for the extra work, for your approval.',
      'Dropping a lower-priority item to make room for this one.',
    ],
    timeline: [
      'The most important part by your date, and the rest on a later date we can keep.',
      'The whole of it on a later date we can keep.',
      'More people on the team, as a paid change request, to meet your date.',
      'A partner better placed to deliver it by your date.',
    ],
    interest: [
      'A small pilot first, so you can see the results before committing.',
      'Another approach that reaches the same goal with less risk.',
      'A short session to look at the figures together before you decide.',
      'A second opinion from an independent specialist.',
    ],
    policy: [
      'A way to reach the same goal within the rules.',
      'A request to the responsible compliance officer for an approved route.',
      'A smaller version that stays within the rules.',
      'An introduction to a firm authorised to do this.',
    ],
  },
  refusalNo: {
    scope: 'I have looked at it carefully, and I’m afraid we can’t take it on as part of the current work: it is outside the scope we agreed.',
    budget: 'I have looked at it carefully, and I’m afraid we can’t take it on within the budget we agreed.',
    timeline: 'I have looked at it carefully, and I’m afraid we can’t deliver it in that time without putting the quality of the work at risk.',
    interest: 'I have looked at it carefully, and I would advise against it: I don’t believe it would serve you well.',
    policy: 'I have looked at it carefully, and I’m afraid we can’t do it: it would go against the rules we are bound by.',
  },
  refusal: {
    subject: 'Your request: ',
    thanks: 'Thank you for your request: ',
    instead: 'Here is what I can offer instead:',
    close: 'Would that work for you? I’m happy to talk it through on a call if that is easier.',
  },

  apology: {
    subject: 'Our apology: ',
    owe: 'I owe you an apology.',
    apology: 'I am sorry for the trouble this has caused you.',
    fix: 'Here is how we are putting it right.',
    by: (d) => stop(`All of it will be in place by ${d}`),
    prevent: 'We have also changed the way we work, so that it does not happen again.',
    makeup: 'We would also like to make up for the trouble.',
    close: 'If you would like more detail, I am happy to walk you through it.',
    fixBy: 'by',
  },

  crisis: {
    subject: 'Urgent: ',
    thanks: 'Thank you for raising this with us straight away: ',
    onIt: 'We are treating it as a crisis, and it has our full attention now.',
    stake: 'What is at stake',
    deadline: 'Deadline',
    owner: 'Who is on it',
    next: 'Next update from us',
    closeNext: 'If anything changes before then, we will tell you at once.',
    close: 'We will keep you posted until it is resolved.',
  },

  request: {
    subject: 'Your urgent request: ',
    thanks: 'Thank you for your request: ',
    urgent: 'I understand it is urgent for you, so I looked into it straight away.',
    checked: 'Before putting everything else on hold, I checked what waiting a day or two would mean.',
    deadline: (s) => `I also checked it against the deadline (${s}).`,
    propose: (d) => stop(`So that it is done properly rather than in a rush, I suggest we have it ready by ${d}`),
    ask: 'Does that date work for you?',
    later: (w) => stop(`I will come back to you with a realistic date by ${w}`),
    soon: 'I will come back to you shortly with a realistic date.',
    close: 'If I have misjudged it and it really cannot wait, just tell me and we will find a way.',
    scope: (d, t) => `Proposed ${d} for: ${t} (awaiting confirmation)`,
  },
};
