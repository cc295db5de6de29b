import type { Business } from './phrasebook'

/** A Düsseldorf bakery and café that also takes online orders. Invented, as is every customer. */
export const BAKERY: Business = {
  name: 'Bäckerei Sonnenschein',
  shortName: 'Sonnenschein',
  mainLang: 'de',
  otherLangShare: 0.1,
  staff: ['Anna', 'Jonas', 'Mehmet'],
  books: {
    de: {
      products: [
        'Brötchen', 'Croissants', 'Sauerteigbrot', 'Laugenbrezeln', 'Roggenbrot', 'Käsekuchen', 'Zimtschnecken',
        'Apfelstrudel', 'Franzbrötchen', 'Mehrkornbrötchen', 'Bienenstich', 'Dinkelbrötchen', 'Rhabarberkuchen',
        'Quarkbällchen', 'Pumpernickel', 'Dinkelbrötchen ohne Sesam', 'Kardamomknoten', 'Emmer-Vollkornbrot',
        'Hochzeitstorte', 'Haselnuss-Nougat-Plunder', 'Schwarzwälder Kirschtorte', 'Mohnzopf',
      ],
      subjects: {
        order: ['Bestellung für {day}', 'Vorbestellung {count}x {product}', 'Bestellung {order}', 'Frage zur Bestellung'],
        hours: ['Öffnungszeiten', 'Geöffnet am {day}?', 'Öffnungszeiten Feiertag'],
        complaint: ['Reklamation Bestellung {order}', 'Beschwerde', 'Problem mit meiner Bestellung'],
        praise: ['Danke!', 'Ein großes Lob', 'Einfach lecker'],
        idea: ['Produktwunsch', 'Anregung', 'Idee für das Sortiment'],
        delivery: ['Lieferung {order} fehlt', 'Wo bleibt meine Lieferung?', 'Lieferung verspätet'],
      },
      openers: {
        order: [
          'Ich möchte für {day} {count} {product} bestellen.',
          'Kann ich für {day} um {time} Uhr {count} {product} und {product2} vorbestellen?',
          'Wir hätten gern für unser Büro-Frühstück am {day} {count} {product}.',
          'Ist meine Bestellung {order} schon bestätigt? Danke!',
        ],
        hours: [
          'Habt ihr am {day} geöffnet?',
          'Wie lange ist das Café am {day} offen?',
          'Gelten am Feiertag die normalen Öffnungszeiten?',
        ],
        complaint: [
          'Die {product} von heute Morgen waren leider ganz hart.',
          'In meiner Bestellung {order} fehlten die {product}, bezahlt habe ich sie aber.',
          'Ich habe heute 20 Minuten gewartet und wurde dann unfreundlich bedient.',
          'Der {product} war innen noch roh. Sehr enttäuschend.',
        ],
        praise: [
          'Eure {product} sind einfach die besten in Düsseldorf!',
          'Danke für die super Beratung heute, der {product} war ein Traum.',
          'Was für ein lieber Service, danke an das ganze Team!',
        ],
        idea: [
          'Bitte wieder Dinkelbrötchen ohne Sesam!',
          'Könntet ihr auch vegane {product} anbieten?',
          'Wie wäre es mit {product} auch am Sonntag?',
          'Ich wünsche mir kleinere Portionen {product}, dann kaufe ich öfter.',
        ],
        delivery: [
          'Meine Lieferung {order} ist noch nicht angekommen.',
          'Der Fahrer stand vor verschlossener Tür, wann kommt die Lieferung {order} jetzt?',
          'Die Lieferung kam eine Stunde zu spät, der Kaffee war kalt.',
        ],
      },
      details: {
        order: ['Abholung wäre gegen {time} Uhr.', 'Bezahlen würde ich gern vor Ort.', 'Bitte in Papiertüten statt Plastik.'],
        hours: ['Wir würden gern mit den Kindern frühstücken.', 'Ich komme aus Oberkassel und will nicht umsonst fahren.'],
        complaint: ['Ich bin seit Jahren Kundin und so etwas kenne ich nicht von euch.', 'Ich hätte gern mein Geld zurück.'],
        praise: ['Wir kommen bestimmt wieder.', 'Meine Gäste haben nach eurer Adresse gefragt.'],
        idea: ['Meine Tochter verträgt keinen Sesam.', 'Ich glaube, da wären viele dankbar.'],
        delivery: ['Die Bestellung war für {time} Uhr zugesagt.', 'Bitte melden Sie sich kurz.'],
      },
      replies: {
        order: [
          'Danke für Ihre Bestellung! Die {product} liegen am {day} ab {time} Uhr für Sie bereit.',
          'Ist notiert: {count} {product} für {day}. Wir freuen uns auf Sie!',
        ],
        hours: ['Am {day} haben wir von 7 bis 18 Uhr geöffnet, das Café bis 17 Uhr.', 'Ja, am {day} sind wir ab 8 Uhr für Sie da.'],
        complaint: [
          'Das tut uns sehr leid! Bitte kommen Sie vorbei, wir ersetzen Ihnen die {product} natürlich.',
          'Entschuldigung, da ist etwas schiefgelaufen. Wir erstatten Ihnen den Betrag für {order}.',
        ],
        praise: ['Vielen Dank, das freut das ganze Team sehr!', 'Danke für die lieben Worte, wir geben sie in die Backstube weiter.'],
        idea: ['Danke für die Anregung! Wir besprechen das mit der Backstube.', 'Gute Idee, wir probieren das im nächsten Monat aus.'],
        delivery: [
          'Das tut uns leid, der Fahrer ist unterwegs und in 20 Minuten bei Ihnen.',
          'Entschuldigung für die Verspätung, die Lieferkosten für {order} übernehmen wir.',
        ],
      },
      followUps: ['Super, danke!', 'Vielen Dank für die schnelle Antwort.', 'Alles klar, bis {day}!', 'Danke, das ist nett.'],
    },
    en: {
      products: ['croissants', 'sourdough bread', 'pretzels', 'cinnamon rolls', 'cheesecake', 'spelt rolls without sesame', 'cardamom knots'],
      subjects: {
        order: ['Order for {day}', 'Pre-order {count} {product}'],
        hours: ['Opening hours', 'Open on {day}?'],
        complaint: ['Problem with order {order}', 'Complaint'],
        praise: ['Thank you!', 'Lovely bakery'],
        idea: ['Suggestion', 'Product idea'],
        delivery: ['Delivery {order} missing', 'Late delivery'],
      },
      openers: {
        order: ['Could I pre-order {count} {product} for {day}?', 'I would like to order {count} {product} for pickup at {time}.'],
        hours: ['Are you open on {day}?', 'Until when is the café open on {day}?'],
        complaint: ['The {product} I bought this morning were stale.', 'My order {order} was missing the {product}.'],
        praise: ['Best {product} in Düsseldorf, hands down!', 'Thanks for the friendly service today.'],
        idea: ['Any chance of vegan {product}?', 'Please bring back the {product}!'],
        delivery: ['My delivery {order} has not arrived yet.', 'The delivery was an hour late.'],
      },
      details: {
        order: ['I am visiting from London this week.', 'Happy to pay in the shop.'],
        hours: ['We are staying nearby.'],
        complaint: ['Quite disappointing.'],
        praise: ['We will be back!'],
        idea: ['My partner is vegan.'],
        delivery: ['It was promised for {time}.'],
      },
      replies: {
        order: ['Thanks for your order! Your {product} will be ready on {day} from {time}.'],
        hours: ['On {day} we are open from 7am to 6pm.'],
        complaint: ['We are so sorry! Please drop by and we will replace your {product}.'],
        praise: ['Thank you so much, the whole team is delighted!'],
        idea: ['Thanks for the idea, we will talk to our bakers.'],
        delivery: ['Sorry about that, the driver will be with you in 20 minutes.'],
      },
      followUps: ['Great, thanks!', 'Thank you for the quick reply.'],
    },
  },
}
