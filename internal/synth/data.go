package synth

// The pools the rows are drawn from. Everything here is fiction, except the
// vocabulary names (checked against package vocab by the tests), the IGF host
// cities and dates, the IGF 2023 room and subtheme names, and the SDG targets.

// edition is one forum: its first day (Day 0) and its time zone.
type edition struct {
	firstDay string // YYYY-MM-DD
	zone     string // IANA name
}

// editions are IGF meetings; the seed picks one.
var editions = []edition{
	{"2023-10-08", "Asia/Tokyo"},         // Kyoto
	{"2024-12-15", "Asia/Riyadh"},        // Riyadh
	{"2025-06-22", "Europe/Oslo"},        // Lillestrøm
	{"2022-11-28", "Africa/Addis_Ababa"}, // Addis Ababa
	{"2019-11-25", "Europe/Berlin"},      // Berlin
}

// eventDays is the number of days of an edition: Day 0 and four main days.
const eventDays = 5

// fixedRooms are the first rooms; more are numbered after them.
var fixedRooms = []string{
	"Main Hall",
	"WS 7 – Room K",
	"WS 5 – Room B-2",
	"Room B-1",
	"Room I",
	"WS 1 – Annex Hall 1",
	"WS 2 – Annex Hall 2",
}

// theme is an IGF 2023 subtheme with its topics (for titles and
// descriptions) and the SDG targets sessions under it name.
type theme struct {
	name   string
	topics []topic
	sdgs   []string
}

// topic is a title phrase and the same phrase inside a sentence.
type topic struct{ title, text string }

var themes = []theme{
	{"AI & Emerging Technologies", []topic{
		{"Generative AI in Public Services", "generative AI in public services"},
		{"AI Governance and Accountability", "AI governance and accountability"},
		{"Algorithmic Transparency", "algorithmic transparency"},
		{"Open Source AI Models", "open source AI models"},
		{"Quantum-safe Cryptography", "quantum-safe cryptography"},
		{"AI and the Future of Work", "AI and the future of work"},
	}, []string{"9.5", "9.b", "4.4", "17.6", "8.2"}},
	{"Avoiding Internet Fragmentation", []topic{
		{"Submarine Cable Resilience", "the resilience of submarine cables"},
		{"Internet Exchange Points", "internet exchange points"},
		{"Interoperable Digital Infrastructure", "interoperable digital infrastructure"},
		{"Internet Shutdowns", "internet shutdowns"},
		{"Universal Acceptance of Domain Names", "universal acceptance of domain names"},
		{"Routing Security", "routing security"},
	}, []string{"9.c", "9.1", "17.6", "17.16"}},
	{"Cybersecurity, Cybercrime & Online Safety", []topic{
		{"Critical Infrastructure Protection", "the protection of critical infrastructure"},
		{"Child Online Safety", "the online safety of children"},
		{"Cyber Capacity Building", "cyber capacity building"},
		{"Ransomware and Cybercrime", "ransomware and cybercrime"},
		{"Cyber Norms in Practice", "the UN cyber norms in practice"},
		{"Security of Connected Devices", "the security of connected devices"},
	}, []string{"16.2", "16.a", "9.1", "17.9", "16.4"}},
	{"Data Governance & Trust", []topic{
		{"Cross-border Data Flows", "cross-border data flows"},
		{"Digital Identity Systems", "digital identity systems"},
		{"Data Localisation", "data localisation"},
		{"Data Trusts and Collective Data Governance", "data trusts and collective data governance"},
		{"Health Data Sharing", "the sharing of health data"},
		{"Privacy-enhancing Technologies", "privacy-enhancing technologies"},
	}, []string{"16.10", "17.18", "16.6", "16.9"}},
	{"Digital Divides & Inclusion", []topic{
		{"Community Networks", "community networks"},
		{"Meaningful Connectivity", "meaningful connectivity"},
		{"Digital Skills and Literacy", "digital skills and literacy"},
		{"Local Content and Multilingualism", "local content and multilingualism"},
		{"Accessibility for Persons with Disabilities", "accessibility for persons with disabilities"},
		{"Satellite Broadband", "satellite broadband"},
	}, []string{"9.c", "4.4", "5.b", "10.2", "17.8"}},
	{"Global Digital Governance & Cooperation", []topic{
		{"The Global Digital Compact", "the Global Digital Compact"},
		{"Multistakeholder Digital Cooperation", "multistakeholder digital cooperation"},
		{"Digital Public Infrastructure", "digital public infrastructure"},
		{"Youth Participation in Internet Governance", "youth participation in internet governance"},
		{"The WSIS+20 Review", "the WSIS+20 review"},
		{"Digital Trade Rules", "digital trade rules"},
	}, []string{"16.7", "16.8", "17.16", "17.17"}},
	{"Human Rights & Freedoms", []topic{
		{"Freedom of Expression Online", "freedom of expression online"},
		{"Gender-based Online Violence", "gender-based online violence"},
		{"Platform Accountability", "platform accountability"},
		{"Election Integrity", "the integrity of elections"},
		{"Surveillance and Spyware", "surveillance and spyware"},
		{"Safety of Journalists Online", "the safety of journalists online"},
	}, []string{"16.10", "5.b", "10.3", "16.b"}},
	{"Sustainability & Environment", []topic{
		{"Green Data Centres", "green data centres"},
		{"E-waste and the Circular Economy", "e-waste and the circular economy"},
		{"Digital Technologies for Climate Action", "digital technologies for climate action"},
		{"Environmental Data", "open environmental data"},
		{"Energy Use of AI", "the energy use of AI"},
		{"Right to Repair", "the right to repair"},
	}, []string{"12.5", "13.3", "7.3", "9.4"}},
}

// titlePatterns turn a topic's title phrase (%[1]s) and a region (%[2]s)
// into a session title.
var titlePatterns = []string{
	"%[1]s",
	"%[1]s: Lessons from %[2]s",
	"%[1]s in the Global South",
	"%[1]s: From Principles to Practice",
	"Multistakeholder Approaches to %[1]s",
	"The Future of %[1]s",
	"%[1]s: What Role for Parliaments?",
	"Youth Perspectives on %[1]s",
	"%[1]s: Regional Experiences from %[2]s",
	"Rethinking %[1]s",
}

// textRegions are how descriptions and titles name a part of the world.
var textRegions = []string{
	"Africa", "Latin America and the Caribbean", "the Asia-Pacific", "Eastern Europe",
	"the Arab Region", "Small Island Developing States", "the Pacific", "South Asia",
}

// openers start a description; %[1]s is the topic in a sentence, %[2]s a
// region, %[3]s a country.
var openers = []string{
	"This session brings together governments, companies, civil society and the technical community to discuss %[1]s.",
	"Speakers from %[2]s share what they have learnt about %[1]s and what they would do differently.",
	"The session looks at %[1]s from the point of view of the people most affected, and asks who should be at the table.",
	"Regulators and researchers compare national approaches to %[1]s and the evidence behind them.",
	"A round table on %[1]s, starting from recent experience in %[3]s and %[2]s.",
	"Practitioners present case studies on %[1]s and invite participants to test their conclusions.",
}

// bodies continue a description, with the same arguments as openers.
var bodies = []string{
	"Participants will map the main policy options and the trade-offs between them.",
	"The discussion will cover costs, capacity and the role of local communities.",
	"It builds on the outcomes of last year's forum and on consultations held in %[2]s.",
	"Speakers will present data from %[3]s and discuss whether the results travel to other contexts.",
	"The moderator will open the floor after the first round, and online participants can join through the chat.",
	"A short report with recommendations will be published after the meeting.",
	"The organisers want to hear from small and medium-sized enterprises as much as from large platforms.",
	"Questions include who pays, who decides and how success should be measured.",
	"The session also asks what %[1]s means for women, young people and persons with disabilities.",
	"Examples range from national strategies to community-led projects in %[2]s.",
	"The format leaves half of the time for questions from the room.",
	"Participants will leave with a list of contacts and a shared understanding of the open questions.",
	"The session follows up on the messages of the previous IGF and on the Global Digital Compact.",
	"Background material, including a discussion paper, is available on the session page.",
}

// culture is a coherent pool of names with a home country, a city and the
// canonical name of its UN regional group.
type culture struct {
	given, family []string
	country, city string
	region        string
}

// Interleaved by region so that consecutive people come from different
// regions. Every culture has namesPer given and namesPer family names.
var cultures = []culture{
	{[]string{"Kwame", "Ama", "Kofi", "Abena", "Yaw", "Efua", "Kojo", "Akosua"}, []string{"Mensah", "Owusu", "Asante", "Boateng", "Appiah", "Darko", "Ofori", "Quaye"}, "Ghana", "Accra", "African Group"},
	{[]string{"Haruka", "Kenji", "Yuki", "Takeshi", "Aiko", "Hiroshi", "Mei", "Daisuke"}, []string{"Sato", "Watanabe", "Tanaka", "Yamamoto", "Kobayashi", "Nakamura", "Ito", "Suzuki"}, "Japan", "Tokyo", "Asia-Pacific Group"},
	{[]string{"Olena", "Andriy", "Iryna", "Taras", "Oksana", "Dmytro", "Yulia", "Bohdan"}, []string{"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Moroz", "Lysenko"}, "Ukraine", "Kyiv", "Eastern European Group"},
	{[]string{"Beatriz", "João", "Camila", "Rafael", "Larissa", "Thiago", "Renata", "Gustavo"}, []string{"Oliveira", "Santos", "Ferreira", "Almeida", "Carvalho", "Rocha", "Barbosa", "Ribeiro"}, "Brazil", "São Paulo", "Latin American and Caribbean Group"},
	{[]string{"Katrin", "Jonas", "Miriam", "Florian", "Sabine", "Matthias", "Lena", "Tobias"}, []string{"Becker", "Schneider", "Hoffmann", "Wagner", "Krüger", "Schäfer", "Richter", "Wolf"}, "Germany", "Berlin", "Western European and Others Group"},
	{[]string{"Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Baraka", "Akinyi", "Mwende"}, []string{"Mwangi", "Odhiambo", "Kariuki", "Wekesa", "Mutua", "Njoroge", "Kiprono", "Chege"}, "Kenya", "Nairobi", "African Group"},
	{[]string{"Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram", "Meera", "Siddharth"}, []string{"Raghavan", "Iyer", "Sharma", "Banerjee", "Menon", "Kulkarni", "Reddy", "Chatterjee"}, "India", "Bengaluru", "Asia-Pacific Group"},
	{[]string{"Agnieszka", "Paweł", "Katarzyna", "Tomasz", "Małgorzata", "Piotr", "Zofia", "Michał"}, []string{"Nowak", "Mazur", "Krawczyk", "Zając", "Wróbel", "Pawlak", "Kaczmarek", "Dudek"}, "Poland", "Warsaw", "Eastern European Group"},
	{[]string{"Sofía", "Alejandro", "Valentina", "Diego", "Mariana", "Javier", "Ximena", "Emilio"}, []string{"Hernández", "García", "Martínez", "López", "Ramírez", "Torres", "Flores", "Cruz"}, "Mexico", "Mexico City", "Latin American and Caribbean Group"},
	{[]string{"Camille", "Julien", "Élodie", "Mathieu", "Claire", "Théo", "Margaux", "Bastien"}, []string{"Moreau", "Lefèvre", "Girard", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Blanc"}, "France", "Paris", "Western European and Others Group"},
	{[]string{"Aïcha", "Mamadou", "Fatou", "Ousmane", "Awa", "Cheikh", "Mariama", "Ibrahima"}, []string{"Diallo", "Traoré", "Ndiaye", "Sow", "Coulibaly", "Diop", "Fall", "Ba"}, "Senegal", "Dakar", "African Group"},
	{[]string{"Dewi", "Budi", "Sari", "Agus", "Ratna", "Eko", "Indah", "Rizki"}, []string{"Santoso", "Wijaya", "Kusuma", "Pratama", "Hidayat", "Lestari", "Saputra", "Nugroho"}, "Indonesia", "Jakarta", "Asia-Pacific Group"},
	{[]string{"Kadri", "Tõnis", "Liis", "Märt", "Triin", "Rasmus", "Kertu", "Indrek"}, []string{"Tamm", "Saar", "Sepp", "Mägi", "Kask", "Rebane", "Ilves", "Kukk"}, "Estonia", "Tallinn", "Eastern European Group"},
	{[]string{"Lucía", "Martín", "Florencia", "Santiago", "Julieta", "Nicolás", "Agustina", "Facundo"}, []string{"Fernández", "Gómez", "Pereyra", "Acosta", "Benítez", "Sosa", "Romero", "Medina"}, "Argentina", "Buenos Aires", "Latin American and Caribbean Group"},
	{[]string{"Ingrid", "Mikkel", "Astrid", "Lars", "Sigrid", "Henrik", "Solveig", "Øystein"}, []string{"Lindqvist", "Johansen", "Halvorsen", "Berg", "Nyström", "Dahl", "Haugen", "Solberg"}, "Norway", "Oslo", "Western European and Others Group"},
	{[]string{"Chidi", "Ngozi", "Emeka", "Funmilayo", "Tunde", "Adaeze", "Bola", "Ifeoma"}, []string{"Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu", "Okonkwo", "Bello", "Afolabi"}, "Nigeria", "Lagos", "African Group"},
	{[]string{"Rania", "Khalid", "Lina", "Faisal", "Huda", "Samir", "Dalia", "Ziad"}, []string{"Haddad", "Khoury", "Nasser", "Saleh", "Barakat", "Aoun", "Mansour", "Farah"}, "Lebanon", "Beirut", "Asia-Pacific Group"},
	{[]string{"Ioana", "Andrei", "Elena", "Mihai", "Raluca", "Radu", "Bianca", "Cosmin"}, []string{"Popescu", "Ionescu", "Dumitrescu", "Stan", "Georgescu", "Munteanu", "Marin", "Tudor"}, "Romania", "Bucharest", "Eastern European Group"},
	{[]string{"Daniela", "Andrés", "Paola", "Felipe", "Catalina", "Sebastián", "Juliana", "Camilo"}, []string{"Restrepo", "Vargas", "Castaño", "Ospina", "Moreno", "Quintero", "Salazar", "Gaviria"}, "Colombia", "Bogotá", "Latin American and Caribbean Group"},
	{[]string{"Emily", "Michael", "Sarah", "David", "Rachel", "James", "Hannah", "Daniel"}, []string{"Whitfield", "Carter", "O'Neill", "Bennett", "Hughes", "Sullivan", "Brooks", "Foster"}, "Canada", "Toronto", "Western European and Others Group"},
	{[]string{"Thandiwe", "Sipho", "Nomvula", "Tendai", "Lerato", "Kagiso", "Zanele", "Mandla"}, []string{"Ndlovu", "Dlamini", "Moyo", "Khumalo", "Mokoena", "Nkosi", "Zulu", "Mahlangu"}, "South Africa", "Johannesburg", "African Group"},
	{[]string{"Losana", "Viliami", "Mele", "Sione", "Salote", "Sitani", "Tevita", "Ana"}, []string{"Vaipulu", "Taufa", "Naufahu", "Latu", "Tuilagi", "Havili", "Fifita", "Moala"}, "Tonga", "Nukualofa", "Asia-Pacific Group"},
	{[]string{"Milica", "Nikola", "Jelena", "Marko", "Ivana", "Stefan", "Ana", "Luka"}, []string{"Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Ilić", "Pavlović", "Stojanović"}, "Serbia", "Belgrade", "Eastern European Group"},
	{[]string{"Keisha", "Marlon", "Shanice", "Dwayne", "Tricia", "Andre", "Kimone", "Omari"}, []string{"Campbell", "Thompson", "Clarke", "Grant", "Reid", "Francis", "Morgan", "Walters"}, "Jamaica", "Kingston", "Latin American and Caribbean Group"},
}

// namesPer is the number of given and of family names in every culture.
const namesPer = 8

// stakeholder groups people belong to, by canonical name, with the alias
// some rows use instead (docket must map it back).
var stakeholders = []struct{ name, alias string }{
	{"Government", "Gov"},
	{"Civil Society", "CSO"},
	{"Private Sector", "Business"},
	{"Technical Community", "Technical and Academic Community"},
	{"Intergovernmental Organization", "IGO"},
}

// regionAliases are the abbreviations some rows use for a regional group.
var regionAliases = map[string]string{
	"African Group":                      "Africa",
	"Asia-Pacific Group":                 "APG",
	"Eastern European Group":             "EEG",
	"Latin American and Caribbean Group": "GRULAC",
	"Western European and Others Group":  "WEOG",
}

// igoRegion is the pseudo-group the IGF uses for intergovernmental
// organisations.
const igoRegion = "Intergovernmental Organizations"

// roles by stakeholder group (same order as stakeholders). No role or
// organisation may hold a comma: a packed person splits on commas.
var roles = [][]string{
	{"Director of Digital Policy", "Senior Policy Advisor", "Deputy Minister", "Head of International Cooperation", "Commissioner"},
	{"Executive Director", "Programme Officer", "Senior Researcher", "Policy Lead", "Founder"},
	{"Head of Public Policy", "Chief Technology Officer", "Senior Counsel", "Director of Government Affairs", "Security Architect"},
	{"Professor", "Research Fellow", "Network Engineer", "Associate Professor", "Board Member"},
	{"Programme Specialist", "Senior Officer", "Head of Unit", "Digital Policy Advisor"},
}

// orgPatterns by stakeholder group: %[1]s is the country, %[2]s the city.
var orgPatterns = [][]string{
	{"Ministry of Digital Affairs of %[1]s", "%[1]s Communications Regulatory Authority", "National Cyber Security Centre of %[1]s", "Ministry of Foreign Affairs of %[1]s", "Data Protection Authority of %[1]s"},
	{"Digital Rights Foundation %[1]s", "Internet Society %[1]s Chapter", "%[2]s Centre for Internet and Society", "Open Data Initiative %[1]s", "%[1]s Youth IGF"},
	{"%[1]s Telecom", "%[1]s Association of Mobile Operators", "%[2]s Fintech Hub", "Cloudbridge %[1]s", "%[1]s Chamber of Digital Commerce"},
	{"University of %[2]s", "%[1]s Network Information Centre", "%[2]s Institute of Technology", "%[1]s Research and Education Network", "Internet Measurement Lab %[2]s"},
	{"ITU", "UNESCO", "UNDP", "OECD", "African Union Commission", "World Bank", "UNICEF", "UN DESA", "UNCTAD", "Council of Europe"},
}

// asciiFold spells the lower-case non-ASCII letters of the name pools in
// ASCII, for e-mail addresses.
var asciiFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'ą': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e",
	'í': "i", 'ï': "i", 'ó': "o", 'ö': "o", 'õ': "o", 'ø': "o",
	'ú': "u", 'ü': "u", 'ñ': "n", 'ń': "n", 'ç': "c", 'ć': "c", 'č': "c",
	'ł': "l", 'ś': "s", 'š': "s", 'ź': "z", 'ż': "z", 'ž': "z",
	'đ': "d", 'ß': "ss",
}
