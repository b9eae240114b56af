import { stop, type Phrasebook } from './phrasebook';

/** The drafts' wording in Romanian. */
export const ro: Phrasebook = {
  locale: 'ro',
  quotes: ['„', '”'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, ora ${hhmm}`,
  greeting: (who) => `Bună ziua, ${who},`,
  greetingNeutral: 'Bună ziua,',
  signOff: 'Cu stimă,',

  reasonLabels: {
    scope: 'În afara ariei de lucru convenite',
    budget: 'Depășește bugetul',
    timeline: 'Termenul nu poate fi respectat',
    interest: 'Nu este în interesul clientului',
    policy: 'Contravine regulilor sau legii',
  },
  alternatives: {
    scope: [
      'O variantă mai restrânsă chiar acum, în aria de lucru convenită.',
      'Aceeași lucrare, ca primă sarcină a etapei următoare.',
      'O cerere de modificare separată, cu estimare proprie, spre aprobarea dumneavoastră.',
      'Să vă punem în legătură cu un specialist mai potrivit pentru această sarcină.',
    ],
    budget: [
      'O variantă mai restrânsă, care se încadrează în bugetul actual.',
      'Aceeași lucrare, eșalonată și pe perioada bugetară următoare.',
      'O ofertă separată pentru munca suplimentară, spre aprobarea dumneavoastră.',
      'Renunțarea la o sarcină mai puțin prioritară, ca să facem loc acesteia.',
    ],
    timeline: [
      'Partea cea mai importantă până la data dorită, iar restul la o dată ulterioară pe care o putem respecta.',
      'Întreaga lucrare la o dată ulterioară pe care o putem respecta.',
      'Mai mulți oameni în echipă, contra cost, ca să putem respecta data dorită.',
      'Un partener mai potrivit pentru a o livra până la data dorită.',
    ],
    interest: [
      'Mai întâi un proiect-pilot de mică amploare, ca să vedeți rezultatele înainte de a vă angaja.',
      'O altă abordare, care duce la același obiectiv cu un risc mai mic.',
      'O scurtă întâlnire în care să analizăm împreună cifrele înainte să decideți.',
      'O a doua opinie de la un specialist independent.',
    ],
    policy: [
      'O cale de a atinge același obiectiv cu respectarea regulilor.',
      'O solicitare către responsabilul de conformitate pentru o variantă aprobată.',
      'O variantă mai restrânsă, care rămâne în limitele regulilor.',
      'Să vă punem în legătură cu o firmă autorizată să facă acest lucru.',
    ],
  },
  refusalNo: {
    scope: 'Am analizat-o cu atenție și, din păcate, nu o putem prelua în cadrul proiectului actual, deoarece nu face parte din aria de lucru convenită.',
    budget: 'Am analizat-o cu atenție și, din păcate, nu o putem realiza în limita bugetului convenit.',
    timeline: 'Am analizat-o cu atenție și, din păcate, nu o putem realiza în acest termen fără a pune în pericol calitatea lucrării.',
    interest: 'Am analizat-o cu atenție și, sincer, nu v-am recomanda acest pas: considerăm că nu este în interesul dumneavoastră.',
    policy: 'Am analizat-o cu atenție și, din păcate, nu o putem îndeplini: ar contraveni regulilor pe care suntem obligați să le respectăm.',
  },
  refusal: {
    subject: 'Referitor la solicitarea dumneavoastră: ',
    thanks: 'Vă mulțumim pentru solicitarea dumneavoastră: ',
    instead: 'În schimb, vă putem propune următoarea variantă:',
    close: 'Vă convine această variantă? Dacă preferați, o putem discuta și la telefon.',
  },

  apology: {
    subject: 'Scuzele noastre: ',
    owe: 'Vă datorăm scuze.',
    apology: 'Ne pare sincer rău pentru situația creată.',
    fix: 'Iată cum îndreptăm lucrurile.',
    by: (d) => stop(`Totul va fi rezolvat până ${d}`),
    prevent: 'Am schimbat și modul de lucru, ca să nu se mai repete.',
    makeup: 'Am dori, de asemenea, să compensăm neplăcerile create.',
    close: 'Dacă doriți mai multe detalii, vi le prezentăm cu plăcere.',
    fixBy: 'până la',
  },

  crisis: {
    subject: 'Urgent: ',
    thanks: 'Vă mulțumim că ne-ați anunțat imediat: ',
    onIt: 'Tratăm situația cu prioritate maximă și lucrăm deja la ea.',
    stake: 'Ce este în joc',
    deadline: 'Termen-limită',
    owner: 'Responsabil',
    next: 'Următoarea actualizare',
    closeNext: 'Dacă intervine ceva până atunci, vă anunțăm imediat.',
    close: 'Vă vom ține la curent până la rezolvarea problemei.',
  },

  request: {
    subject: 'Solicitarea dumneavoastră urgentă: ',
    thanks: 'Vă mulțumim pentru solicitarea dumneavoastră: ',
    urgent: 'Înțelegem că este urgentă pentru dumneavoastră, așa că am analizat-o imediat.',
    checked: 'Înainte de a lăsa totul deoparte, am verificat ce s-ar întâmpla dacă ar mai aștepta o zi-două.',
    deadline: (s) => `Am ținut cont și de termenul-limită (${s}).`,
    propose: (d) => stop(`Ca să o facem cum trebuie, nu în grabă, vă propunem ca termen ${d}`),
    ask: 'Vă convine această dată?',
    later: (w) => stop(`Vă comunicăm un termen realist până ${w}`),
    soon: 'Revenim în curând cu un termen realist.',
    close: 'Dacă am apreciat greșit și chiar nu poate aștepta, spuneți-ne și găsim o soluție.',
    scope: (d, t) => `Termen propus ${d} pentru: ${t} (așteaptă confirmare)`,
  },
};
