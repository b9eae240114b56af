import { stop, type Phrasebook } from './phrasebook';

/** The drafts' wording in Romanian (ș and ț with comma below). */
export const ro: Phrasebook = {
  locale: 'ro',
  quotes: ['„', '”'],
  innerQuotes: ['«', '»'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, la ora ${hhmm}`,
  onDate: (d) => `${d.weekday}, ${d.dayMonth}${d.time ? `, la ora ${d.time}` : ''}`,
  // One string, split at spaces: shorter in the web bundle than an array of quoted words.
  functionWords:
    'și sau dar iar de la în pe cu din pentru spre prin până fără despre că să nu un o unei unui niște al a ale ai care ce este sunt e am au vă ne le îi își se mai după între sub peste dintre către decât ca dacă acest această noastră nostru dumneavoastră toate toți fiecare'.split(
      ' ',
    ),

  greeting: (who) => `Bună ziua, ${who},`,
  greetingNeutral: 'Bună ziua,',
  titles: { male: 'domnule', female: 'doamnă', keep: ['domnule', 'doamnă'] },
  signOff: 'Cu stimă,',

  seeds: {
    agreed: (q) => `Conform înțelegerii noastre, lucrarea cuprinde punctul ${q}.`,
    missed: (q, date) => `Nu am respectat termenul promis (${date}) pentru sarcina ${q}.`,
    fix: (q) => `Finalizăm cu prioritate sarcina promisă ${q}.`,
  },

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
      'O ofertă separată pentru această lucrare, cu costuri și termene, spre aprobarea dumneavoastră.',
      'Recomandarea unui specialist mai potrivit pentru această sarcină.',
    ],
    budget: [
      'O variantă mai restrânsă, care se încadrează în bugetul actual.',
      'Aceeași lucrare, eșalonată și pe perioada bugetară următoare.',
      'O ofertă separată pentru munca suplimentară, spre aprobarea dumneavoastră.',
      'Renunțarea la o sarcină mai puțin prioritară, ca să facem loc acesteia.',
    ],
    timeline: [
      'Partea cea mai importantă până la data de care aveți nevoie, iar restul la o dată ulterioară pe care o putem respecta.',
      'Întreaga lucrare la o dată ulterioară pe care o putem respecta.',
      'O echipă mai mare, contra cost, ca să respectăm data de care aveți nevoie.',
      'Un partener care o poate livra până la data de care aveți nevoie.',
    ],
    interest: [
      'Mai întâi un proiect-pilot de mică amploare, ca să vedeți rezultatele înainte de a vă angaja.',
      'O altă abordare, care duce la același obiectiv cu un risc mai mic.',
      'O scurtă întâlnire în care să analizăm împreună cifrele înainte să decideți.',
      'O a doua opinie de la un specialist independent.',
    ],
    policy: [
      'O cale de a atinge același obiectiv cu respectarea regulilor.',
      'O consultare cu departamentul dumneavoastră de conformitate pentru o variantă aprobată.',
      'O variantă mai restrânsă, care rămâne în limitele regulilor.',
      'Recomandarea unei firme autorizate să facă acest lucru.',
    ],
  },
  refusalNo: {
    scope: 'Am analizat-o cu atenție și, din păcate, nu o putem prelua în cadrul proiectului actual, deoarece depășește aria de lucru convenită.',
    budget: 'Am analizat-o cu atenție și, din păcate, nu îi putem da curs în limita bugetului convenit.',
    timeline: 'Am analizat-o cu atenție și, din păcate, nu îi putem da curs în acest termen fără a pune în pericol calitatea lucrării.',
    interest: 'Am analizat-o cu atenție și, sincer, nu v-am recomanda acest pas: considerăm că nu este în interesul dumneavoastră.',
    policy: 'Am analizat-o cu atenție și, din păcate, nu îi putem da curs: ar contraveni regulilor pe care suntem obligați să le respectăm.',
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
    apology: 'Greșeala ne aparține și ne pare sincer rău pentru neplăcerile create.',
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
    later: (on) => stop(`Vă vom scrie din nou ${on}, cu o propunere de termen realist`),
    soon: 'Revenim în curând cu o propunere de termen realist.',
    close: 'Dacă am apreciat greșit și chiar nu poate aștepta, spuneți-ne și găsim o soluție.',
    scope: (d, t) => `Termen propus ${d} pentru: ${t} (așteaptă confirmare)`,
  },
};
