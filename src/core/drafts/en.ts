import { stop, type Phrasebook } from './phrasebook';

/** The drafts' wording in English (British conventions: "12 November", "Dr Smith"). */
export const en: Phrasebook = {
  locale: 'en-GB',
  quotes: ['“', '”'],
  innerQuotes: ['‘', '’'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, ${hhmm}`,
  onDate: (d) => `on ${d.weekday}, ${d.dayMonth}${d.time ? `, at ${d.time}` : ''}`,
  // One string, split at spaces: shorter in the web bundle than an array of quoted words.
  functionWords:
    'a an the and or but nor of to in on at by for with from into onto about as than that which who whom whose your our my their his her its this these those is are was were be been will would can could should may might must do does did not no so if then we you i it they he she me us them per via before after until till over under between without within all some any each every'.split(
      ' ',
    ),

  greeting: (who, tone) => (tone === 'first' ? `Hi ${who},` : `Dear ${who},`),
  greetingNeutral: 'Hello,',
  titles: { male: 'Mr', female: 'Ms', doctor: 'Dr', keep: ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'] },
  signOff: 'Best regards,',

  seeds: {
    agreed: (q) => `As agreed earlier, the work covers ${q}.`,
    missed: (q, date) => `We missed the date we promised (${date}) for ${q}.`,
    fix: (q) => `We are completing the promised work (${q}) as our first priority.`,
  },

  reasonLabels: {
    scope: 'Out of the agreed scope',
    budget: 'Beyond the budget',
    timeline: 'The timeline cannot hold',
    interest: 'Not in the client’s interest',
    policy: 'Against policy or law',
  },
  alternatives: {
    scope: [
      'A smaller version now, within the scope we agreed.',
      'The same work as the first item of the next phase.',
      'A separate proposal for this work, with its cost and timing, for your approval.',
      'An introduction to a specialist better placed to do it.',
    ],
    budget: [
      'A smaller version that fits the current budget.',
      'The same work spread over the next budget period.',
      'A separate quote for the extra work, for your approval.',
      'Dropping a lower-priority item to make room for this one.',
    ],
    timeline: [
      'The most important part by the date you need, and the rest on a later date we can keep.',
      'The whole of it on a later date we can keep.',
      'A larger team, at extra cost, to meet the date you need.',
      'A partner who can deliver it by the date you need.',
    ],
    interest: [
      'A small pilot first, so you can see the results before committing.',
      'Another approach that reaches the same goal with less risk.',
      'A short session to look at the figures together before you decide.',
      'A second opinion from an independent specialist.',
    ],
    policy: [
      'A way to reach the same goal within the rules.',
      'Asking your compliance team for an approved way to do it.',
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
    apology: 'The mistake is ours, and I am sorry for the trouble it has caused you.',
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
    later: (on) => stop(`I will come back to you ${on} with a realistic date`),
    soon: 'I will come back to you shortly with a realistic date.',
    close: 'If I have misjudged it and it really cannot wait, just tell me and we will find a way.',
    scope: (d, t) => `Proposed ${d} for: ${t} (awaiting confirmation)`,
  },
};
