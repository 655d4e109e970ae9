"""Spanish crisis rules, run beside the English ones on every message (see detector.py).

They match `detector.normalize_es` output: lowercase ASCII without accents ("está" -> "esta",
"años" -> "anos"), doubled letters folded ("llamar" -> "lamar", "pastillas" -> "pastilas") and
chat spellings expanded ("q" -> "que", "xq" -> "porque", "kiero" -> "quiero"). Patterns are
written unfolded and compiled by patterns._rx like the English ones; the same editing rules
apply (bounded gaps only, anchors that cover every alternative). Labelled examples:
tests/safety/crisis_phrases_es.yaml.
"""

from __future__ import annotations

from typing import Final

from bot.safety.patterns import Group, _r, _rx, fold

# fmt: off
# (Word lists and patterns below are data, laid out by hand for reading.)
_CHAT = {
    "q": "que", "k": "que", "ke": "que", "qe": "que", "xq": "porque", "pq": "porque",
    "porq": "porque", "xk": "porque", "porke": "porque", "x": "por", "tb": "tambien",
    "tmb": "tambien", "d": "de", "pa": "para", "toy": "estoy", "tas": "estas", "ta": "esta",
    "nose": "no se", "kiero": "quiero", "qiero": "quiero", "kero": "quiero", "quero": "quiero",
    "kiere": "quiere", "qiere": "quiere", "bn": "bien", "mrd": "mierda", "aki": "aqui",
    "aca": "aqui", "ahi": "ahi", "ahorita": "ahora", "orita": "ahora", "hoy": "hoy",
    "vdd": "verdad", "tqm": "te quiero mucho", "pls": "por favor", "porfa": "por favor",
    "xfa": "por favor", "xfavor": "por favor", "plis": "por favor", "sta": "esta",
    "stoy": "estoy", "mama": "mama", "cel": "celular", "yo": "yo", "morirm": "morirme",
    "matarm": "matarme", "nomas": "no mas", "nomás": "no mas", "ps": "pues", "pz": "pues",
    "weon": "tipo", "wey": "tipo", "guey": "tipo", "vato": "tipo", "men": "tipo",
}
TOKEN_MAP: Final[dict[str, str]] = {fold(k): fold(v) for k, v in _CHAT.items()}
# Words (normalised) without which a long text is not read by the Spanish rules (detector.py):
# function words English does not use and the words of a Spanish crisis. A long Spanish or
# code-switched text always has some; short texts are read whatever they contain.
_MARKER_WORDS: Final = (
    "que el los las la mi mis tu su es esta estoy estas tengo tiene pero muy yo porque cuando"
    " como donde del al lo le se nos ya mas tambien si te un una por para con y de en va voy"
    " vas van iba quiero quiere ayuda ayudenme auxilio socorro ahora aqui hoy matar matarme"
    " morir morirme suicidarme suicidio pastillas cuchillo pistola cloro veneno dijo dice"
    " ojala mejor soy nadie todos todas tome trague bebi corte corto colgarme ahorcarme"
    " estoy encerrada encerrado escondida escondido miedo peligro policia"
)
MARKERS: Final = frozenset(fold(w) for w in _MARKER_WORDS.split(" ") if w)

# The other person: "el", "mi esposo", "mi ex", "ese tipo".
_PERSONA = (
    r"(?:\bel|\bella|\bellos|\bmi (?:ex|esposo|esposa|marido|mujer|novio|novia|pareja|papa"
    r"|padre|padrastro|mama|madre|madrastra|hermano|tio|abuelo|exnovio|exesposo|ex esposo"
    r"|ex novio|ex pareja|suegro|suegra|hijo|jefe|cunado|primo)|\bese tipo|\bese hombre"
    r"|\balguien)"
)
_ARMA = (
    r"(?:cuchillo|cuchilla|navaja|pistola|arma|escopeta|rifle|machete|revolver|fierro|hacha"
    r"|bate|tijeras|cuter)"
)
_PASTILLAS = (
    r"(?:pastillas|pastis|pildoras|medicinas|medicamentos|clonazepam|rivotril|paracetamol"
    r"|ibuprofeno|antidepresivos|tabletas|somniferos|pastillas para dormir|calmantes"
    r"|tranquilizantes|ansioliticos|diazepam|alprazolam|valium|xanax|insulina|aspirinas)"
)
_PILL_ANCHORS = (
    "pastil", "pastis", "pildoras", "medicinas", "medicamentos", "clonazepam", "rivotril",
    "paracetamol", "ibuprofeno", "antidepresivos", "tabletas", "somniferos", "calmantes",
    "tranquilizantes", "ansioliticos", "diazepam", "alprazolam", "valium", "xanax", "insulina",
    "aspirinas",
)
_MUERTE_OK = (  # "me muero de risa", "me quiero morir de la verguenza"
    # "me quiero morir del dolor jajaja" (after the gym): pain laughed about.
    r"(?! del? (?:dolor|cansancio|agujetas) (?:ja|je|jaja|jajaja|xd|lol)\b)"
    r"(?! de (?:risa|verguenza|pena|hambre|sueno|ganas|calor|frio|amor|aburrimiento|envidia"
    r"|la verguenza|la pena|la risa|nervios|cansancio|emocion|felicidad|celos|sed|curiosidad"
    r"|asco|flojera|la emocion|los nervios|ternura|miedo)\b)"
)

DANGER: Final[tuple[Group, ...]] = (
    # Threats to kill or hurt: "me va a matar", "amenazo con matarme", "dijo que me iba a matar".
    Group("es_threat",
        _r("matar|ahorcar|apunalar|acuchilar|disparar|quemar|desaparecer|tiro|golpear|pegar"
           r"|lastimar|hacer dano|enterar",
           r"\b(?:me|nos|la|lo|los|te) (?:va|van|iba|iban|quiere|quieren|queria|trato de"
           r"|intento|quiso) a? ?(?:matar|ahorcar|apunalar|acuchillar|disparar|quemar|golpear"
           r"|pegar|lastimar|hacer dano|desaparecer|pegar un tiro)\b(?! de (?:risa|hambre"
           r"|sueno|verguenza|aburrimiento)\b)",
           r"\b(?:va|van|iba|iban|quiere|quieren|queria|intento|trato de|quiso|amenaza con"
           r"|amenazo con|amenazaba con|amenazando con|dijo que iba a|dice que va a) (?:a )?"
           r"(?:matarme|matarnos|matarla|matarlos|matar a (?:mis|los|mi) \w+|ahorcarme"
           r"|apunalarme|acuchillarme|dispararme|quemarme|golpearme|pegarme|lastimarme"
           r"|desaparecerme|quemar la casa)\b",
           r"\b(?:dijo|dice|grito|me escribio|me mando|me dijo) que (?:me|nos) (?:va|iba) a"
           r" (?:matar|desaparecer|quemar|enterrar)\b"),
        # Maiming and hunting: "me deja en silla de ruedas", "te parto la cara", "me va a
        # encontrar", "dice que despues del partido me toca a mi".
        _r("silla de ruedas|hospital|coma|cementerio|bajo tiera|romper|rompe|rompo|partir|parte"
           r"|parto|encontrar|toca a",
           r"\b(?:me|te|nos) (?:va a |iba a |voy a |van a )?(?:deja|dejo|dejar|dejara|mandar|manda"
           r"|mando|mandara|mete|meter) (?:en (?:silla de ruedas|el hospital|coma|el cementerio)"
           r"|al hospital|al cementerio|bajo tierra)\b",
           r"\b(?:me|te|nos) (?:va a |iba a |voy a |van a )?(?:romper|rompe|rompo|partir|parte"
           r"|parto) (?:las piernas|los brazos|la cara|el cuello|la cabeza|la madre|la boca"
           r"|todos los huesos|los dientes)\b",
           r"\b(?:me|nos) (?:va|van|iba|iban) a encontrar\b(?! (?:un|una|trabajo|algo|novi\w*)\b)",
           r"\b(?:dice|dijo|grito|me escribio)(?: que)?(?: \w+){0,6}? (?:me|te) toca a (?:mi|ti)\b"),
        _r("te voy a matar|te mato|estas muert|me las vas a pagar|ya veras|vas a ver",
           r"\b(?:te voy a matar|te mato|estas muerta|estas muerto|me las vas a pagar"
           r"|ya veras lo que te pasa|vas a ver lo que te pasa|ya veras cuando|vas a ver cuando)"
           r"\b"),
        _r("cuando leg|cuando regres|cuando vuelv|esta noche|hoy|al rato|mas tarde",
           r"\b(?:cuando (?:llegue|regrese|vuelva)|esta noche)(?: a casa)?(?: \w+){0,3}?"
           r" (?:vas a ver|me las pagas|me las vas a pagar|me las voy a pagar|me las va a pagar"
           r"|te mato|ya veras|estas muerta|te vas a arrepentir|te va a ir mal|me va a matar"
           r"|me mata)\b",
           r"\b(?:hoy|esta noche|al rato|mas tarde|cuando llegue|cuando vuelva|cuando regrese)"
           r" (?:me|te|nos) mata\b"),
    ),
    # Weapons, choking, being locked in: lethality signs.
    # A weapon shown, a threat to burn with the user inside.
    Group("es_shown",
        _r("foto|video|imagen",
           r"\b(?:me )?(?:mando|envio|mostro|enseno|manda|envia) (?:una )?(?:foto|video|imagen)"
           r" de (?:la|su|una|el|un) (?:pistola|arma|cuchillo|navaja|escopeta|rifle|machete"
           r"|revolver)\b"),
        # "me acaba de mandar foto de mi casa nueva, nose como sabe donde vivo"
        _r("foto de mi|sabe donde",
           r"\b(?:acaba de|me acaba de) (?:mandar|enviar) (?:una )?foto de mi (?:casa|depa"
           r"|departamento|piso|carro|coche|trabajo|puerta)\b",
           r"\b(?:no se|nose) como sabe donde (?:vivo|estoy|trabajo)\b"),
        # "me acaba de escribir 'ya te vi'"
        _r("ya te",
           r"\b(?:acaba de|me acaba de) (?:escribir|mandar|decir|poner)\b(?: \w+){0,3}? ya te"
           r" (?:vi|estoy viendo|encontre)\b"),
        _r("conmigo",
           r"\b(?:quema|quemar|quemo|incendia|incendiar|prende fuego|prender fuego)\b(?: \w+){0,4}?"
           r" conmigo (?:adentro|dentro)\b"),
    ),
    Group("es_lethal",
        _r(("cuchil", "navaja", "pistola", "arma", "escopeta", "rifle", "machete", "revolver",
            "fiero", "hacha", "bate", "tijeras", "cuter"),
           rf"{_PERSONA}?(?: \w+){{0,3}}? ?\b(?:tiene|trae|saco|agaro|esta con|anda con"
           r"|me apunto con|me apunta con|me amenazo con|me amenaza con|me amenazaba con"
           r"|me mostro|me enseno|me puso) (?:un |una |el |la "
           rf"|su |sus )?{_ARMA}\b",
           rf"\b{_ARMA} (?:en|contra) (?:mi|el) (?:cuello|garganta|cabeza|pecho|cara)\b",
           # "esta borracho con el machete en la mano", "anda con una navaja"
           rf"\bcon (?:el|un|una|la|su) {_ARMA} en la mano\b",
           rf"\b(?:esta|anda|viene|lego|entro|sigue)(?: \w+)? con (?:el|un|una|la|su) {_ARMA}\b"),
        _r("ahorc|estrangul|cuelo|asfixi|ahog|garganta",
           r"\b(?:me|nos|la) (?:ahorco|ahorca|ahorcaba|esta ahorcando|estaba ahorcando"
           r"|estrangulo|estrangula|estrangulaba|esta estrangulando|asfixio|asfixia"
           # "casi me ahogo con una tortilla jajaja": food, not hands.
           r"|ahogo(?! con (?:una|un|la|el|mi) (?:tortilla|comida|agua|pan|chicle|caramelo|hueso"
           r"|pastilla|papa|galleta|bocado))(?! con (?:tanto|tanta|tantos|tantas|el trabajo"
           r"|la tarea|trabajo|deudas|el calor|este calor))"
           r"|apreto el cuello|aprieta el cuello|agaro del cuelo|agaro por el cuelo|agara del"
           r" cuelo|tomo del cuelo|quiso ahorcar|intento ahorcar|trato de ahorcar"
           r"|quiso estrangular|intento estrangular|trato de estrangular|quiso asfixiar"
           r"|intento asfixiar)\b",
           r"\b(?:sus|las) manos (?:en|alrededor de) mi (?:cuello|garganta)\b"),
        _r("encer|encier|salir|irme|escapar",
           r"\b(?:me|nos) (?:encerro|encierra|encerraba|tiene encerrada|tiene encerrado"
           r"|tienen encerrada|dejo encerrada|dejo encerrado|encerraron)\b",
           r"\bestoy encerrad[ao]\b",
           r"\bno me (?:deja|dejan|quiere dejar) (?:salir|irme|escapar)\b(?! con\b)"),
    ),
    # Now or just now: at the door, hitting, breaking in, hiding, asking for help.
    Group("es_now",
        _r("esta|anda|sigue",
           rf"{_PERSONA} (?:ya )?(?:esta|estan|anda|sigue) (?:aqui )?(?:afuera|en la puerta"
           r"|en mi puerta|afuera de mi|golpeando|tocando la puerta|pateando|tratando de entrar"
           r"|queriendo entrar|rompiendo)\b",
           r"\b(?:esta|estan|anda) (?:rompiendo|pateando|golpeando|tirando|forzando) (?:la"
           r" puerta|la ventana|la cerradura|todo)\b",
           r"\besta (?:afuera de mi (?:casa|puerta|trabajo|departamento|cuarto|escuela)"
           r"|golpeando la puerta|tocando la puerta|tratando de entrar|queriendo entrar"
           r"|esperando(?:me)? afuera)\b"),
        # Without a subject (Spanish drops it): "ayuda esta aqui", "ya llego, esta abajo
        # gritando", "me esta esperando a la salida del curro".
        _r("aqui|abajo|afuera|puerta|fuera|esperando|lego|legaron|entrada",
           r"\b(?:ya|ayuda|ayudame|socorro|auxilio|miedo)\b(?: \w+){0,3}? (?:esta|estan|lego"
           r"|legaron) (?:aqui|abajo|afuera|en la puerta|fuera|en la entrada)\b",
           r"\b(?:esta|estan) (?:aqui|abajo|afuera|en la puerta|fuera)(?: \w+){0,3}? (?:gritando"
           r"|golpeando|tocando|pateando|ayuda|miedo|boracho|borracha|drogado|furioso)\b",
           r"\b(?:me esta|me estan|esta|estan) esperando (?:a la salida|afuera|abajo|en la puerta"
           r"|fuera|en la esquina|frente|en el estacionamiento|en la parada)\b"),
        _r("pegando|golpeando|ahorcando|pateando|lastimando|violando|apunalando",
           r"\b(?:le|les) (?:esta|estan|estaba) (?:pegando|golpeando|ahorcando|pateando|lastimando"
           r"|violando|apunalando)\b",
           r"\b(?:esta|estan) (?:pegando|golpeando|ahorcando|pateando|lastimando) a (?:mi|mis"
           r"|los|las|la|el|nuestro|nuestra)\b"),
        _r("bebiendo|tomando|chupando|boracho|borracha",
           r"\b(?:bebiendo|tomando|chupando|boracho|borracha)\b(?: \w+){0,8}? (?:acojonad[ao]"
           r"|asustad[ao]|aterrad[ao]|miedo|roto|rompio|rompiendo|gritando|golpeando|me toca)\b"),
        # Followed, found: "me siguio hasta mi trabajo", "ya sabe donde vivo".
        _r("sigui|sigue|donde|foto|video",
           r"\bme (?:siguio|esta siguiendo|viene siguiendo|anda siguiendo|sigue) (?:hasta"
           r"|desde|por la cale|a mi casa|al trabajo|en (?:su|el) (?:caro|coche|auto))\b",
           rf"(?:{_PERSONA}|\b(?:dijo|dice|me escribio|me mando)(?: que)?) (?:ya )?(?:sabe|se"
           r"|descubrio|encontro) donde (?:vivo|vives|estoy|estas|trabajo|trabajas|me quedo"
           r"|te quedas|vivimos)\b",
           r"\bya (?:sabe|saben|descubrio|encontro|averiguo) donde (?:vivo|estoy|trabajo|me quedo"
           r"|vivimos|estamos|duermo)\b",
           r"\bme (?:mando|manda|envio|mandaron) (?:una |unas )?(?:foto|fotos|video) de (?:mi|la)"
           r" (?:casa|puerta|carro|coche|trabajo|ventana|edificio|cale)\b"),
        # Drunk, high or raging, with fear or on the way: "viene borracho y tengo miedo".
        _r("boracho|drogado|furioso|enojadisimo|como loco|fuera de si",
           r"\b(?:boracho|drogado|furioso|enojadisimo|como loco|fuera de si)\b(?: \w+){0,8}?"
           r" (?:miedo|ayuda|viene|lega|lego|esta legando|va a legar|en camino|rompiendo"
           r"|gritando)\b",
           r"\b(?:miedo|viene|lega|lego|esta legando|va a legar|en camino)\b(?: \w+){0,8}?"
           r" (?:boracho|drogado|furioso|enojadisimo|como loco|fuera de si)\b"),
        _r("pegando|golpeando|ahorcando|pateando|lastimando|violando|amenazando|arastrando"
           r"|acaba de|hace un rato|anoche|recien|ahora|hoy|hace rato|otra vez",
           r"\bme (?:esta|estan|estaba) (?:pegando|golpeando|ahorcando|pateando|lastimando"
           r"|violando|amenazando|arrastrando)\b",
           r"\bme acaba de (?:pegar|golpear|dar una cachetada|patear|empujar|cortar|apunalar"
           r"|ahorcar|amenazar)\b",
           r"\bme (?:pego|golpeo|pateo|empujo|ahorco|violo|corto|arastro|agaro)(?: \w+){0,5}?"
           r" (?:hace un rato|ahora|hoy|anoche|recien|hace rato|otra vez)\b"),
        _r("escond|peligro|salvo|policia|auxilio|socoro|ayuda|ayudenme|miedo",
           r"\bme (?:escondi|estoy escondiendo|escondo) (?:en|de el|de ella|de mi)\b",
           r"\bestoy escondida\b|\bestoy escondido\b",
           r"\b(?:no estoy a salvo|estoy en peligro|corro peligro|mi vida corre peligro"
           r"|estamos en peligro|auxilio|socorro|ayudenme|llamen a la policia"
           r"|llama a la policia|necesito a la policia)\b",
           r"\btengo (?:mucho )?miedo de que (?:me|nos) (?:mate|lastime|pegue|haga algo"
           r"|encuentre)\b",
           r"^(?:por favor )?ayuda(?: por favor| ayuda)*$"),
    ),
    # A weapon held now, a child taken by someone drunk, "i can't talk, he's right here".
    Group("es_now_more",
        _r("noche|hoy|encontro|encontraron",
           r"\b(?:hoy|esta noche|en la noche|hoy en la noche)(?: \w+){0,4}? (?:voy a ver lo (?:que|q)"
           r" pasa|me va a ir mal|vas a ver)\b",
           r"^(?:ya )?me (?:encontro|encontraron)(?: otra vez)?$"),
        _r("lego|levo",
           r"\b(?:ya )?llego\b(?: \w+){0,6}? me va a (?:ir mal|pegar|matar)\b"),
        _r("nadie sale|candado|con lave",
           r"\bnadie sale\b(?: \w+){0,3}? hasta\b",
           r"\bcerro (?:el|la) \w+ con (?:candado|llave)\b"),
        _r("hoy|subiendo|carcel",
           r"\b(?:dijo|dice|grito) (?:que|q) hoy (?:si )?me (?:toca|mata|pega|las pago|va a ir mal)\b",
           r"\bviene subiendo (?:las escaleras|la escalera)\b",
           r"\bsalio de la carcel\b(?: \w+){0,6}? (?:timbre|puerta|aca|afuera|viene|llego)\b"),
        _r("afilando",
           r"\b(?:esta|estuvo|anda|sigue|estaba|se puso a) afilando (?:el |un |los |la |las |unos"
           r" |su |sus )?(?:machete|cuchillo|cuchillos|hacha|navaja|cosas|fierro)\b"),
        _r("afuera|puerta|abajo|aca",
           r"^(?:ya )?(?:esta|estan|el esta|ella esta) (?:afuera|aca afuera|en la puerta|abajo"
           r"|en mi puerta|aca)$"),
        _r("knife|gun|cuchilo|pistola",
           r"\b(?:knife|gun|cuchillo|pistola)(?: \w+){0,2}? (?:ayuda|socorro|auxilio)\b"),
        _r("cuchilo|machete|arma|pistola|fiero|revolver|navaja|escopeta",
           r"\b(?:esta|anda|viene|sigue|estaba|se sento|esta sentado|esta parado|entro)"
           r"(?: \w+){0,6}? con (?:el|un|una|la) (?:\w+ )?(?:cuchillo|machete|arma|pistola"
           r"|fierro|revolver|navaja|escopeta)\b"),
        _r("levo|lev",
           r"\bse (?:llevo|lleva|esta llevando) (?:a )?(?:al |el |la |los |las |mi |mis )?(?:bebe"
           r"|nene|nena|nenes|ninos|nino|nina|hijo|hija|hijos|hijas|chicos|peque|pequeno"
           r"|pequena)(?: \w+){0,5}? (?:borracho|borracha|drogado|drogada|tomado|pasado|ebrio"
           r"|en pedo|dado vuelta)\b"),
        _r("hablar|escribir|lamar",
           r"\bno puedo (?:hablar|escribir|llamar)(?: \w+){0,3}? (?:esta|el esta|ella esta"
           r"|estan) (?:aca|aqui|al lado|en la otra pieza|en el otro cuarto|afuera|en la puerta"
           r"|cerca)\b"),
    ),
    # Round 20 (used): "mi jefe me dijo q si hablo con alguien me espera a la salida".
    Group("es_waiting_for_me",
        _r("espera|esperan|esperando|mata|entiera|desaparece|quema",
           r"\bsi (?:hablo|digo|cuento|denuncio|lo denuncio|la denuncio|le digo|abro la boca"
           r"|me quejo|voy a la policia)\b(?: \w+){0,5}? me (?:espera|esperan|va a esperar"
           r"|van a esperar|estara esperando|estaran esperando|mata|entierra|desaparece"
           r"|quema)\b"),
        # Round 21 (used): "me quito el celular y las llaves, no puedo salir".
        _r("salir",
           r"\bme (?:quito|quitaron|escondio|agaro|tiene) (?:el celular|el telefono|el movil"
           r"|las llaves|mis llaves|mi telefono|mi celular)\b(?: \w+){0,4}? no (?:puedo|me"
           r" deja|me dejan) salir\b"),
    ),
)

SELF_HARM: Final[tuple[Group, ...]] = (
    Group("es_death_wish",
        _r("mori|matar|suicid|desaparec|exist|despert|dormir|vida|acabar|muert|muera|nacido"
           r"|atropel|despiert|abrirlos",
           r"\b(?:me quiero|quiero|quisiera|deseo|ojala pudiera|me gustaria|tengo ganas de"
           r"|ganas de|voy a|pienso en|pensando en|estoy pensando en|he pensado en|planeo"
           r"|decidi|mejor) (?:morir|morirme|matarme|suicidarme|desaparecer para siempre"
           r"|dejar de existir|no despertar|no despertar nunca|dormir para siempre"
           rf"|quitarme la vida|acabar con (?:todo|mi vida|esto)|estar muert[ao]|no existir)\b"
           rf"{_MUERTE_OK}",
           rf"\bme quiero (?:morir|matar)\b{_MUERTE_OK}",
           r"\bojala (?:me muera|no despierte|no despertar|estuviera muert[ao]|no hubiera"
           r" nacido|me atropellen)\b",
           r"\b(?:dormirme|dormir|me duerma|me duermo|quedarme dormid[ao]|cerrar los ojos)"
           r" y (?:no|nunca|ya no) (?:despertar|despierte|volver a despertar|despertarme"
           r"|abrirlos)\b",
           r"(?<!called )(?<!named )(?<!not )(?<!never )(?<!novel about )(?<!book about )(?<!film about )"
           r"(?<!movie about )(?<!essay about )(?<!article about )"
           r"\b(?:suicid\w*|quitarme la vida|acabar con mi vida|me voy a matar|matarme)\b"
           r"(?! (?:squad|doors?|mission|bomb\w*|run|blonde)\b)"
           r"(?<!va a matarme)(?<!van a matarme)(?<!quiere matarme)(?<!iba a matarme)"
           r"(?<!quieren matarme)(?<!con matarme)(?<!intento matarme)(?<!quiso matarme)"
           r"(?<!trato de matarme)(?<!queria matarme)"),
        _r("vivir|seguir|existir|despertar|estar aqui|sentido|mas|aguanto|carga|mejor sin|gana"
           r"|mejor muert|mejor me muero",
           r"\b(?:no|ya no) (?:quiero|puedo|aguanto|soporto) (?:vivir|seguir viviendo|existir"
           r"|estar aqui|vivir asi)\b(?! (?:aqui|en|con|asi con|sin (?:el|ella|ti)|alli|ahi)\b)",
           r"\b(?:no|ya no) quiero seguir(?= *$| asi| mas| viviendo| con vida)\b",
           r"\bno quiero (?:despertar|volver a despertar)\b(?! temprano)",
           r"\bya no (?:aguanto|soporto|puedo) mas\b|\bno aguanto mas\b",
           r"\bno (?:tiene|le veo) sentido (?:vivir|seguir|la vida|nada)\b",
           r"\b(?:estarian|estaria|estan|seria|estarias|viven) mejor sin mi\b",
           r"\bsoy una carga\b|\bsolo soy una carga\b",
           r"\bno tengo (?:ganas|razones|motivos|por que|porque) (?:de |para )?(?:vivir|seguir)\b",
           r"\bmejor (?:muert[ao]|me muero)\b"),
        _r("despedi|despid|adios|carta",
           r"\b(?:esta es mi despedida|adios a todos|adios para siempre|carta de despedida"
           r"|me estoy despidiendo|quiero despedirme|vengo a despedirme|perdon por todo adios)\b"),
    ),
    Group("es_method",
        _r("cortar|cortado|cortando",
           r"\b(?:me he vuelto a cortar|me volvi a cortar|volvi a cortarme|me he cortado"
           r"|me he estado cortando|me estuve cortando|me sigo cortando)\b"),
        _r("cuerda|soga",
           r"\b(?:la|una|mi) (?:cuerda|soga) (?:lista|preparada|colgada|atada|para colgarme)\b",
           r"\b(?:tengo|compre|consegui|ate|amare|colgue) (?:la|una) (?:cuerda|soga)(?: \w+){0,3}?"
           r" (?:lista|preparada|colgarme|ahorcarme|cuello|viga)\b"),
        _r("cort|lastim|dano|autoles",
           r"\bme (?:corte|corto|cortaba|estoy cortando|volvi a cortar) (?:los brazos|las munecas"
           r"|la muneca|las piernas|el brazo|la pierna|otra vez|de nuevo|las venas)\b",
           r"\b(?:cortarme|me corto|me lastimo|lastimarme|hacerme dano|me hago dano"
           r"|me hice dano|autolesion\w*)\b(?! (?:el pelo|el cabelo|las unas|el fleco|cocinando"
           r"|con el papel|sin querer|jugando|haciendo|la luz|el agua|la linea|el internet"
           r"|la lamada|en (?:el|la|los|las|mi)|al (?:caer|cocinar|afeitarme))\b)(?<!voy a cortarme el pelo)"),
        _r("tirar|aventar|colgar|ahorcar|puente|edificio|tren|vias|tiro|aviento|azotea|techo",
           r"\b(?:tirarme|aventarme|me voy a tirar|me voy a aventar|me tiro|me aviento)"
           r" (?:de|del|desde|bajo|al|a las|a la|por la) (?:un |una |el |la |las )?(?:puente"
           r"|edificio|techo|azotea|tren|metro|balcon|vias|ventana|piso|camion|carro|coche)\b",
           r"\b(?:colgarme|ahorcarme|me voy a colgar|me voy a ahorcar)\b",
           r"\bestoy en (?:el|la) (?:puente|azotea|techo|vias del tren)\b"),
        _r(_PILL_ANCHORS,
           rf"\b(?:cuantas|cuantos) {_PASTILLAS} (?:necesito|hacen falta|se necesitan|para"
           r"|son mortales|matan)\b",
           rf"\b(?:juntando|guardando|ahorrando|acumulando) {_PASTILLAS}\b",
           rf"\b{_PASTILLAS}(?: \w+){{0,4}}? (?:suficientes|bastantes)\b",
           rf"\b(?:suficientes|bastantes) {_PASTILLAS}\b",
           rf"\b(?:tomarme|tragarme|me voy a tomar|me voy a tragar) (?:todas|todos|un monton"
           rf"|muchas|la caja|el frasco)(?: \w+){{0,2}}? {_PASTILLAS}\b",
           rf"\b(?:tengo|tengo aqui|aqui tengo) (?:las|mis|todas las|todas mis) {_PASTILLAS}"
           r"(?: \w+){0,3}? (?:listas|en la mano|enfrente|conmigo)\b"),
    ),
    # A last message, wanting it over for good, burning or cutting oneself, things given away.
    # Who keeps the pet if "i" am not here: "quien se queda con mi perro si yo no estoy".
    Group("es_who_keeps",
        _r("quien",
           r"\bquien (?:se queda|se quedaria|cuida|cuidaria|cuidara|se hara cargo|se haria cargo)"
           r" (?:con |de |a )?mis? (?:perros?|gatos?|mascotas?|hijos?|hijas?|nenes?|plantas)\b"
           r"(?: \w+){0,3}? si (?:yo )?(?:ya )?(?:no estoy|no estuviera|me pasa algo|me muero"
           r"|falto|ya no estoy)\b"),
    ),
    # Self-injury in their words: "me pego a mi misma hasta q se me pasa".
    Group("es_self_hit",
        _r("misma|mismo",
           r"\bme (?:pego|golpeo|corto|quemo|lastimo|rasguno|muerdo) (?:a )?mi mism[ao]\b"),
    ),
    # How many pills kill: "cuantas pastillas de paracetamol son mortales".
    Group("es_how_many",
        _r("cuant",
           r"\bcuant[ao]s (?:pastillas|pastis|tabletas|capsulas)\b(?: \w+){0,4}? (?:son mortales"
           r"|te matan|matan|para morir|es mortal|son letales|serian mortales)\b"),
    ),
    # A rope looked at, going to be with the Lord.
    Group("es_means_looked_at",
        _r("cuerda|soga",
           r"\b(?:mirando|viendo|pensando en|mire|vi) la (?:cuerda|soga)\b"),
        _r(" ir con|irme con",
           r"\b(?:me quiero ir|quiero irme|me quisiera ir|ya me quiero ir) con (?:el senor|dios"
           r"|diosito|mi mama|mi papa|mi abuel[ao]|mi hij[ao])\b"),
    ),
    # "nose pa q sigo, nada tiene sentido": why go on.
    Group("es_why_go_on",
        _r("sigo|seguir|vivo|existo",
           r"\b(?:para|pa) (?:que|q) (?:sigo|seguir|sigo aqui|sigo viva|sigo vivo|vivo|existo)\b"
           r"(?! (?:intentando|con|insistiendo|esperando|buscando|trabajando|estudiando|aqui en"
           r"|en este trabajo|pagando)\b)"),
    ),
    Group("es_goodbye_harm",
        _r("ultimo mensaje|por todo|para siempre|de una vez|este mundo|ultima vez|despedirme|gracias"
           "|me mato|soga|cuerda|hacerlo|como lo voy|guardadas|juntadas|escondidas|ahoradas"
           "|cartas|extranaria|acabe|termine|merezco|sobro|sin mi|planeado|listo|preparado"
           "|leve|recoja|seguir|rinda|a proposito"
           "|decidido"
           "|contra|con la|con el",
           r"\b(?:este es|es|va a ser|sera) mi ultimo mensaje\b",
           r"\bperdon(?:en)? por todo\b(?: \w+){0,8}? (?:los quiero|las quiero|adios|chau"
           r"|me voy|ya no|ultimo)\b",
           r"\b(?:adios|chau|los quiero)\b(?: \w+){0,4}? perdon(?:en)? por todo\b",
           r"\bquiero (?:que|q) (?:se )?(?:termine|acabe) (?:todo )?(?:para siempre|de una vez"
           r"(?: por todas)?)\b",
           r"\b(?:me voy|irme|me quiero ir|me voy a ir|voy a irme) de este mundo\b",
           r"\badios\b(?: \w+){0,3}? gracias por (?:escucharme|todo|leerme)\b",
           r"\bsi (?:me )?(?:quita|quitan|saca|sacan|lleva|llevan) (?:a )?(?:mis hijos|los ninos"
           r"|mi hijo|mi hija|mis ninos|los nenes)(?: \w+){0,2}? me mato\b",
           r"\bme mato\b(?: \w+){0,2}? (?:ya lo decidi|lo decidi|en serio|de verdad)\b",
           r"\bcompre (?:una |la )?(?:soga|cuerda)\b",
           r"\b(?:le|les) (?:deje|escribi) (?:unas )?cartas a (?:mis hijos|mi familia|mi mama"
           r"|todos|mi hija|mi hijo)\b",
           r"\bnadie me extranaria\b",
           r"\b(?:le pido|pido|ruego|le ruego) a (?:dios|diosito|la virgen|diosito santo) (?:que|q)"
           r" me (?:lleve|recoja)\b",
           r"\b(?:pa|para) (?:que|q) seguir\b",
           r"\bojala (?:el|mi) cuerpo se rinda\b|\bno como hace dias a proposito\b",
           r"\bdeje de comer\b(?: \w+){0,4}? no merezco\b",
           r"\b(?:yo )?sobro en este mundo\b|\bestarian mejor sin mi\b",
           r"\b(?:ya )?tengo todo (?:planeado|listo|preparado|decidido) para (?:el|este|esta|la)"
           r" (?:domingo|lunes|martes|miercoles|jueves|viernes|sabado|finde|fin de semana|noche)"
           r"\b(?: \w+){0,4}? (?:me siento (?:tranquila|tranquilo|en paz)|ya no tengo miedo)\b",
           r"\bcansad[ao] de todo\b(?: \w+){0,4}? quiero (?:que|q) (?:se )?(?:acabe|termine)\b",
           r"\b(?:ya )?tengo (?:pensado|decidido|planeado) como (?:hacerlo|lo voy a hacer)\b",
           rf"\btengo (?:guardadas|juntadas|escondidas|ahorradas) (?:las |mis |unas |todas las )?"
           rf"{_PASTILLAS}\b",
           r"\b(?:es|esta es|sera|va a ser) la ultima vez (?:que|q) (?:escribo|hablo|me ven"
           r"|me vas a ver|te escribo|les escribo)\b",
           r"\b(?:regale|reparti|di|deje) (?:mi ropa|mis cosas|todo lo mio|todas mis cosas)\b"
           r"(?: \w+){0,8}? despedirme\b",
           r"\bme (?:pego|golpeo|doy) (?:(?:en )?la cabeza |cabezazos )?(?:contra|con) (?:la pared|el piso"
           r"|la puerta|el espejo)\b(?: \w+){0,6}? (?:hasta|sangr|no puedo parar)"),
        _r("cigaro|cigarilo|encendedor|plancha|navaja|cuchila|gilete|vidrio|tijeras|hojita",
           r"\bme (?:quemo|queme|quemaba|corto|corte|cortaba|lastimo|rajo)(?: \w+){0,3}? con"
           r" (?:el |un |los |la |una )?(?:cigarro|cigarrillo|encendedor|plancha|navaja|cuchilla"
           r"|gillette|vidrio|tijeras|hojita)\b"),
        _r("cartas|despedi",
           r"\b(?:deje|regale|reparti|di) (?:todas )?mis cosas(?: \w+){0,6}? (?:cartas"
           r"|despedi)",
           r"\bescribi (?:unas |las |mis |algunas )?cartas(?: \w+){0,3}? (?:de despedida"
           r"|para (?:todos|mi familia|cuando)|ya esta)\b"),
    ),
    # Round 20 (used): a method asked as a feeling ("q se siente cuando te tiras a las vias del
    # metro"), wishing he had killed me.
    Group("es_method_more",
        _r("tir|avent|avient|lanz",
           r"\b(?:tirarme|tirarse|tirarte|aventarme|aventarse|lanzarme|lanzarse|te tiras|me tiro"
           r"|me aviento|me lanzo|se tira|te avientas|te lanzas) (?:a|en|por|del|desde) (?:las"
           r" vias|la via|el metro|el tren|un puente|el puente|la ventana|el balcon|la azotea"
           r"|un edificio|el edificio)\b"),
        _r("ojala",
           r"\bojala (?:me hubiera|me hubiese|me hubieran|me hubiesen) (?:matado|muerto)\b",
           r"\bojala (?:hubiera|hubiese) muerto\b"),
    ),
)

# An overdose or poison already taken ("me tome todas las pastillas").
MEDICAL: Final[tuple[Group, ...]] = (
    # "me tome el clonazepam q tenia guardado, todo el frasco"
    Group("es_whole_bottle",
        _r("frasco|caja|blister|todas",
           r"\b(?:me )?(?:tome|trague)\b(?: \w+){0,6}? (?:todo el frasco|toda la caja|todas las"
           r" pastillas|el frasco entero|la caja entera|todo el blister)\b"),
    ),
    Group("es_overdose_taken",
        _r(_PILL_ANCHORS,
           r"\b(?:me |ya me |acabo de |ya |yo me |yo )?(?:tome|trague|bebi|eche|meti|tomar|tragar|tomarme"
           r"|tragarme)(?: \w+){0,3}? (?:todas|todos|un monton|muchas|muchisimas|demasiadas"
           r"|un frasco|el frasco|la caja|una caja|un punado|toda la caja|todo el frasco|un bote"
           r"|el bote|todo el bote|un blister|una tira|todo el blister|todas las cajas"
           r"|[1-9][0-9]+|veinte|treinta|cuarenta|cincuenta|quince)(?: \w+){0,3}?"
           rf" {_PASTILLAS}\b",
           rf"\b{_PASTILLAS}(?: \w+){{0,6}}? (?:me las tome|me las trague|me tome todas"
           r"|me trague todas) ?(?:todas)?\b",
           r"\bme (?:pase|pasé) de (?:pastillas|pastis|pildoras)\b",
           # Round 21 (used): "ya me tome las pastillas, solo queria despedirme".
           r"\bya me (?:tome|trague|bebi) (?:las|mis) (?:pastillas|pastis|pildoras)\b(?: \w+){0,4}?"
           r" (?:despedirme|adios|perdon|lo siento|queria q lo supieras|no me busquen)\b",
           rf"\b(?:me tome|me trague|tome|trague|me bebi) (?:las|mis) {_PASTILLAS},? (?:todas"
           r"|todititas|enteras|de golpe)\b"),
        _r("botiquin|cajon|pastilero|armario|gabinete|cajita",
           r"\b(?:me tome|tome|me trague|trague|me bebi|bebi)(?: \w+){0,2}? (?:todo|todas) (?:lo"
           r" que (?:habia|tenia|encontre|quedaba)|lo del|las del|el|las de)(?: \w+){0,3}?"
           r" (?:botiquin|cajon|pastillero|armario|gabinete|cajita)\b"),
        _r("cloro|veneno|lejia|lavandina|raticida|mataratas|limpiador|destapacanos|soda caustica"
           "|sobredosis",
           r"\b(?:me tome|tome|bebi|me bebi|trague|me trague|acabo de tomar|acabo de beber)"
           r" (?:\w+ ){0,2}(?:cloro|veneno|lejia|lavandina|raticida|matarratas|limpiador|destapacanos"
           r"|soda caustica)\b",
           r"\b(?:tuve|me di|me provoque|me hice|tome) una sobredosis\b"),
        # Pills with alcohol: "me trague unas pastillas con alcohol".
        _r(_PILL_ANCHORS,
           rf"\b(?:me )?(?:trague|tome|bebi|meti) (?:unas|varias|muchas|las|mis|todas las)"
           rf"(?: \w+)? {_PASTILLAS} con (?:alcohol|vino|cerveza|vodka|ron|tequila|whisky"
           r"|fernet|pisco|aguardiente|trago)\b"),
        # "me corte y no para de sangrar": a cut that will not stop bleeding.
        _r("sangr",
           r"\bme (?:corte|cortie|abri|raje)(?: \w+){0,8}? (?:no (?:para|paraba|deja|dejaba) de"
           r" sangrar|sangra (?:mucho|un monton|sin parar)|hay (?:mucha|un monton de) sangre"
           r"|no (?:para|deja) de salir sangre|no para la sangre)\b"),
    ),
)

DISCLOSURE: Final[tuple[Group, ...]] = (
    # Documents kept, intimate photos shared, punishment by hunger, forced confession.
    Group("es_told_more",
        _r("pasaport|documentos|papeles|fotos intimas|sin comer|confesar|sin avisar|sin permiso"
           "|infierno",
           r"\bentra (?:a mi|al|a la) (?:depto|departamento|cuarto|casa|pieza|habitacion) sin"
           r" (?:avisar|permiso)\b",
           r"\bsi me (?:divorcio|separo|voy|salgo)(?: \w+){0,3}? (?:me voy|voy|iria|me iria) al"
           r" infierno\b",
           r"\b(?:nos|me|les) (?:tiene|tienen|guarda|guardan|quito|quitaron) (?:los|el|mis|nuestros"
           r"|sus|mi) (?:pasaporte|pasaportes|documentos|papeles)\b",
           r"\b(?:subio|publico|paso|mando|compartio) (?:mis |unas |las )?fotos intimas\b",
           r"\bfotos intimas mias\b",
           r"\bcastigaba(?:n)? sin comer\b",
           r"\b(?:obligaban|obligaba|obligan|obliga) a confesar\b"),
        _r("anticoncept|condones|cuentas nuevas|bloque",
           r"\b(?:escondio|tiro|cambio|me quito) (?:mis |las )?(?:pastillas anticonceptivas"
           r"|anticonceptivos|condones)\b",
           r"\bcuentas nuevas\b",
           r"\b(?:ya )?(?:lo |la )?bloquee como [0-9]+\b"),
        _r("ubicacion|pecado|infierno|castiga",
           r"\bme (?:hace|hacia|obliga a|obligaba a) compartir (?:la|mi) ubicacion\b",
           r"\bsi (?:lo|la) dejo(?: \w+){0,2}? (?:es pecado|me voy al infierno|dios me castiga)\b"),
        _r("permiso|demonio|iglesia|prestamo|credito|deuda|tarjeta",
           r"\bpedirle permiso (?:hasta )?para\b",
           r"\btengo un demonio\b|\benfrente de toda la iglesia\b",
           r"\b(?:saco|pidio|puso|hizo) (?:un |una )?(?:prestamo|credito|deuda|tarjeta)s? a mi"
           r" nombre\b"),
    ),
    # Bruises shown, a mother's "ojala nunca hubieras nacido" told.
    Group("es_told_bruises",
        _r("moretones|moratones|morados|marcas|cardenales|nacido",
           r"\btengo (?:moretones|moratones|morados|marcas de golpes|cardenales)\b",
           r"\b(?:decia|dice|dijo|decian|dijeron) (?:que|q) ojala (?:nunca |no )?(?:hubiera"
           r"|hubiese|hubieras) nacido\b"),
        _r("rastre|espia|vigila|revisa",
           r"\bme (?:rastreaba|rastrea|rastreo|espiaba|espia|vigilaba|revisaba) el (?:movil|cel"
           r"|celular|telefono)\b"),
        _r("nadie me|inutil|estupid|basura|era una|era un",
           r"\bme (?:decia|dice|dijo) (?:que|q) (?:nadie me (?:iba a|va a) querer|era una?"
           r" (?:inutil|estupid[ao]|basura|nada))\b"),
        _r("puso|instalo",
           r"\bme (?:puso|instalo) (?:una )?(?:app|aplicacion|rastreador|localizador|gps)\b"),
        _r("quitaba|quito|quita|yo era",
           r"\bme (?:quitaba|quito|quita) a mi (?:hijo|hija|bebe|nene|nena|nino|nina)\b",
           r"\b(?:le|les) (?:decia|dice|dijo) (?:que|q) yo era (?:mala madre|mal padre|una loca)\b"),
    ),
    Group("es_disclosure",
        _r("peg|golpe|maltrat|humil|empuj|jalone|cachete|abofete|pate|viol|abus|manose|insult"
           r"|grita|controla|revisa|cela|vigila|amenaz|arastr|quem|escupe|escupio|checa|quita"
           r"|esconde|romp",
           r"\b(?:me|nos|le|les) (?:pega|pegaba|pego|golpea|golpeaba|golpeo|maltrata"
           r"|maltrataba|maltrato|humilla|humillaba|humillo|empuja|empujaba|empujo|jalonea"
           r"|jaloneaba|jaloneo|cachetea|cacheteaba|abofetea|abofeteo|patea|pateaba|pateo|viola"
           r"|violaba|violo|abusa|abusaba|abuso|manosea|manoseaba|manoseo|insulta|insultaba"
           r"|grita|gritaba|controla|controlaba|cela|celaba|vigila|amenaza|amenazaba|amenazo"
           r"|arrastra|arrastro|quemo|escupe|escupio)\b(?! (?:la gana|el sol|duro"
           r"|fuerte el|el frio|el calor|la gripe|el resfriado|un susto|con todo)\b)",
           r"\b(?:me|nos) (?:revisa|revisaba|checa|quita|quitaba|esconde|rompio|rompe)"
           r" (?:el|mi|los|mis) (?:celular|telefono|dinero|pasaporte|documentos|tarjeta"
           r"|mensajes|cosas|papeles)\b"),
        _r("violencia|maltrato|abus|violad|violaron|golpe|relacion|pareja|miedo|abusiv|violent"
           r"|maltratador|golpeador",
           r"\b(?:violencia (?:domestica|de genero|familiar|intrafamiliar)|abuso sexual"
           r"|me violaron|fui violada|fui violado|fui abusad[ao]|me abusaron|abusaron de mi"
           r"|abuso de mi|me golpeaban|fui golpeada|sufro maltrato|sufri maltrato"
           r"|sufro violencia|sufri violencia)\b",
           r"\b(?:relacion|pareja|esposo|marido|novio|ex) (?:abusiv[ao]|violent[ao]|maltratador"
           r"|golpeador)\b",
           r"\btengo miedo (?:de|a) (?:el|ella|mi (?:esposo|esposa|marido|novio|novia|pareja|ex"
           r"|papa|padrastro|padre|madre|mama))\b"),
        _r("dice|decia|dijo|lama|lamaba|trata",
           r"\bme (?:dice|decia|dijo|llama|llamaba|trata de|trataba de) (?:que soy )?(?:una |un )?"
           r"(?:inutil|estupida|estupido|puta|gorda|fea|loca|basura|nada|idiota|pendeja|zorra"
           r"|perra|mierda|tonta|fracasada|nadie)\b"),
        _r("obliga|obligo|forzo|forzaba|fuerza",
           r"\bme (?:obliga|obligaba|obligo|forzo|forzaba|fuerza) a (?:tener (?:relaciones"
           r"|sexo)|acostarme|hacer cosas)\b"),
        _r("no me dej|no nos dej",
           r"\bno (?:me|nos) (?:deja|dejaba|dejaban|dejan|dejo) (?:ver|hablar|trabajar|salir con"
           r"|tener|usar|estudiar|visitar|ir a ver|llamar|contactar)\b"),
        _r("quita|quitaba|quito|quitan|quitaban",
           r"\b(?:me|nos) (?:quita|quitaba|quito|quitan|quitaban) (?:todo )?(?:el|mi|nuestro"
           r"|nuestros|los|mis|la|nuestra) (?:sueldo|dinero|salario|pago|paga|quincena|ganancias"
           r"|documentos|pasaporte|papeles|pasaportes)\b"),
        _r("oblig|hacia|hacian|forzaban",
           r"\b(?:me|nos) (?:obliga|obligaba|obligaban|obligan|obligo|hacia|hacian|forzaban) a"
           r" (?:dar|entregar|trabajar|pagar|dejar|casarme|casarnos|donar)\b"),
        _r("toca|tocaba|manosea|acosa|acosaba|besa|quejo",
           r"\bmi (?:jefe|jefa|patron|patrona|supervisor|encargado|profe|profesor|pastor|lider"
           r"|tio|primo|padrastro|suegro|cunado)(?: \w+){0,2}? me (?:toca|tocaba|manosea|acosa"
           r"|acosaba|besa)\b",
           r"\bsi me quejo(?: \w+){0,3}? (?:me corre|me despide|me echa|me pega|me quita)\b"),
    ),
)

# "mi jefe me va a matar si llego tarde": a figure of speech, given only the "check" level.
# Asked "are you safe right now?": "si me voy el ya no me puede lastimar verdad" may mean
# leaving him or dying; the question fits both.
ASK_IF_SAFE: Final = Group("es_ask_if_safe",
    # "ya tengo el dia elegido, el domingo q no hay nadie en casa"
    _r("tengo", r"\b(?:ya )?tengo (?:el dia|la fecha|la hora) (?:elegid[ao]|decidid[ao]|pensad[ao])\b"),
    _r("arreglado|listo|en orden",
       r"\b(?:regale|di|deje) (?:a )?mi (?:perro|gato|mascota)\b(?: \w+){0,8}? (?:todo arreglado"
       r"|todo listo|todo en orden)\b",
       r"\bya deje todo (?:arreglado|listo|en orden)\b"),
    _r("si me voy",
       r"\bsi me voy\b(?: \w+){0,4}? (?:ya no|nunca mas) (?:me )?(?:puede|podra|va a poder"
       r"|van a poder) (?:lastimar|hacer dano|hacer mal|pegar)\b"),
    # Round 21 (used): "si me muero nadie se daria cuenta hasta dentro de una semana".
    _r("nadie", r"\bsi me muero\b(?: \w+){0,3}? nadie (?:se daria cuenta|lo notaria"
       r"|se enteraria|me extranaria)\b"),
    # Round 20 (used): "no me busquen mañana".
    _r("busquen|busques|busqueis",
       r"\bno me (?:busquen|busques|busqueis)\b(?: \w+){0,3}? (?:manana|mas|nunca|despues|ya)\b",
       r"^no me (?:busquen|busques|busqueis)\s*[.!]*$"),
)
HYPERBOLE: Final = _rx(
    r"\b(?:este|esta|estos|estas) \w+(?: \w+)? (?:me|nos) (?:va|van|esta|estan) a? ?matar\b|"
    r"\b(?:el|la|los|las) (?:examen|examenes|prueba|parcial|final|tarea|trabajo|tesis|calor|frio"
    r"|trafico|lunes|semana|resaca|dieta|gym|entrenamiento|jefe|jefa|profe)(?: \w+){0,3}? (?:me|nos)"
    r" (?:va|van) a matar\b|"
    r"\bmi (?:jefe|jefa|profe|profesor|profesora|maestro|maestra|mama|mami|papa|papi|madre"
    r"|padre|entrenador|abuela|hermana|hermano|amiga|amigo|coach)(?: \w+){0,2}? (?:me|nos)"
    r" (?:va|van) a matar\b"
)
# fmt: on
