package main

// The invented part of the sample programme: rooms, session specs, the people
// who appear in more than one session, and the pools that generated people and
// texts are drawn from. Everything here is fiction except Open Forum #168
// (seed.go and seedSession) and the IGF 2023 room and session-type names.

const (
	roomMain = "Main Hall"
	roomK    = "WS 7 – Room K"
	roomB2   = "WS 5 – Room B-2"
	roomB1   = "Room B-1"
	roomI    = "Room I"
	roomA1   = "WS 1 – Annex Hall 1" // not confirmed for IGF 2023; plausible
	roomA2   = "WS 2 – Annex Hall 2" // not confirmed for IGF 2023; plausible
)

var rooms = []string{roomMain, roomK, roomB2, roomB1, roomI, roomA1, roomA2}

func roomCapacity(room string) string {
	switch room {
	case roomMain:
		return "1800"
	case roomK:
		return "120"
	case roomB2, roomB1:
		return "150"
	case roomI:
		return "80"
	case roomA1:
		return "300"
	case roomA2:
		return "200"
	}
	return ""
}

// IGF 2023 subthemes (shared/domain/igf2023.csv).
const (
	subAI   = "AI & Emerging Technologies"
	subFrag = "Avoiding Internet Fragmentation"
	subCyb  = "Cybersecurity, Cybercrime & Online Safety"
	subData = "Data Governance & Trust"
	subDiv  = "Digital Divides & Inclusion"
	subGov  = "Global Digital Governance & Cooperation"
	subHR   = "Human Rights & Freedoms"
	subEnv  = "Sustainability & Environment"
)

const overallTheme = "The Internet We Want – Empowering All People"

type subthemeInfo struct {
	issues    [2]string
	sdgs      []string // real targets from shared/domain/sdg_targets.csv
	tags      string
	takeaways string
	cta       string
}

func subtheme(name string) subthemeInfo {
	switch name {
	case subAI:
		return subthemeInfo{
			[2]string{"Harnessing Artificial Intelligence for Development", "AI Governance and Accountability"},
			[]string{"9.5", "9.b", "4.4", "17.6"},
			"artificial intelligence; ethics",
			"Governance of AI needs to be interoperable across jurisdictions, and the Global South must take part in setting the rules, not only in adopting them.",
			"Governments and companies should publish impact assessments for AI systems used in public services.",
		}
	case subFrag:
		return subthemeInfo{
			[2]string{"Preserving a Global and Interoperable Internet", "Harmonising Global Digital Infrastructure"},
			[]string{"9.c", "9.1", "17.6", "17.16"},
			"fragmentation; interoperability",
			"Fragmentation risks arise at the technical, governance and user-experience layers; each layer needs different remedies and different actors.",
			"Stakeholders should monitor agreed fragmentation indicators and report on them at the next IGF.",
		}
	case subCyb:
		return subthemeInfo{
			[2]string{"Protecting Critical Infrastructure", "Online Safety of Children and Youth"},
			[]string{"16.2", "16.a", "9.1", "17.9"},
			"cybersecurity; capacity building",
			"Cybersecurity is a shared responsibility.\n\nCapacity building works best when it builds institutions, not only individual skills.",
			"Donors should fund long-term cyber capacity programmes with regional ownership.",
		}
	case subData:
		return subthemeInfo{
			[2]string{"Data Flows and Trust", "Digital Identity and Privacy"},
			[]string{"16.10", "17.18", "16.6", "16.9"},
			"data governance; privacy",
			"Trust in cross-border data flows depends on enforceable safeguards and on cooperation between data protection authorities.",
			"Regulators should work towards mutual recognition of data protection safeguards.",
		}
	case subDiv:
		return subthemeInfo{
			[2]string{"Meaningful Connectivity", "Digital Skills and Literacy"},
			[]string{"9.c", "4.4", "5.b", "10.2", "17.8"},
			"connectivity; inclusion",
			"Connectivity alone does not close the digital divide: affordability, skills and local content decide whether people benefit.\n\nCommunity-led models deserve regulatory support.",
			"Regulators should open spectrum and licensing regimes to community and small operators.",
		}
	case subGov:
		return subthemeInfo{
			[2]string{"Multistakeholder Digital Cooperation", "Harmonising Global Digital Infrastructure"},
			[]string{"16.7", "16.8", "17.16", "17.17"},
			"digital cooperation; Global Digital Compact",
			"The multistakeholder model remains central to digital cooperation, and the IGF should feed its outcomes into the Global Digital Compact process.",
			"All stakeholders should contribute to the consultations on the Global Digital Compact.",
		}
	case subHR:
		return subthemeInfo{
			[2]string{"Freedom of Expression Online", "Gender and Digital Rights"},
			[]string{"16.10", "5.b", "10.3", "16.b"},
			"human rights; gender",
			"Human rights apply online as they do offline; transparency and access to remedy are the most urgent gaps.",
			"Platforms should give independent researchers the data needed to assess human rights risks.",
		}
	case subEnv:
		return subthemeInfo{
			[2]string{"Digital Technologies for Climate Action", "E-waste and the Circular Economy"},
			[]string{"12.5", "13.3", "7.3", "9.4"},
			"climate; e-waste",
			"The environmental footprint of digital technologies has to be measured consistently before it can be reduced.",
			"Data centre operators should report energy and water use with a common methodology.",
		}
	}
	panic("unknown subtheme " + name)
}

var expectedOutcomesPool = []string{
	"- A short report with recommendations for policymakers\n- A list of contacts for follow-up cooperation",
	"Participants will leave with practical examples that they can adapt to their own context.",
	"- Input to the IGF messages on this subtheme\n- A community of practice that continues online after the meeting",
	"A joint statement by the speakers, to be published on the IGF website.",
	"- A shared understanding of the main policy options\n- A list of gaps that need further research",
}

// spec describes one invented session; persons are generated from it.
type spec struct {
	id, typ, title  string
	format, decl    string
	day             int // 0 = 2023-10-10, 1 = 2023-10-11
	start, end      string
	room, sub, desc string
	q               string   // policy question (optional)
	fixedSpk        []string // keys of fixedPersons, placed first among the speakers
	rap             string   // key of a fixed rapporteur (optional)
	nOrg, nSpk      int      // generated organizers and speakers
	lang, interp    string
	report          string
	orgSemi         bool // organizers joined with "; " instead of line breaks
	spkSemi         bool // speakers joined with "; " instead of line breaks
	seed            bool // Open Forum #168: filled from the seed page
}

var days = []string{"2023-10-10", "2023-10-11"}

const reportMain3 = `The session opened with a round of short statements on national AI strategies. Speakers agreed that voluntary principles are no longer enough and that oversight bodies need technical staff and access to information.

Several participants from Africa and Latin America warned that rules written in a few large markets become global defaults. They asked for capacity building and for a seat at the table in standard-setting bodies.

The moderator closed by inviting participants to contribute to the IGF Policy Network on AI.`

const reportWS446 = `Speakers described data localisation rules in their countries and the costs reported by small companies. The discussion showed that the same measure can be a privacy safeguard in one context and a trade barrier in another.

Participants recommended interoperable certification schemes and more transparency about government access to data.`

var specs = []spec{
	// Tuesday 10 October 2023
	{id: "MAIN-1", typ: "Opening Ceremony", title: "Opening Ceremony", day: 0, start: "09:00", end: "09:30", room: roomMain, sub: subGov,
		desc: "Welcome by the host country and the United Nations, with remarks from the IGF Leadership Panel and a youth representative.", nOrg: 1, nSpk: 3},
	{id: "MAIN-2", typ: "High-Level Session", title: "High-Level Leaders Track: Trust and Security in the Digital Age", format: "Panel - 90 Min", day: 0, start: "10:00", end: "11:30", room: roomMain, sub: subCyb,
		desc: "Ministers, chief executives and civil society leaders discuss how to build trust in digital services while protecting critical infrastructure against growing cyber threats.",
		q:    "How can governments and companies share responsibility for the security of services that citizens depend on?", nOrg: 2, nSpk: 5},
	{id: "MAIN-3", typ: "Main Session", title: "Artificial Intelligence: Governance for the Common Good", format: "Panel - 90 Min", day: 0, start: "12:00", end: "13:30", room: roomMain, sub: subAI,
		desc: "A plenary discussion of national, regional and multilateral approaches to governing AI, and of how the Global South can shape the rules rather than just adopt them.",
		q:    "What institutional arrangements could make AI governance interoperable across jurisdictions?", nOrg: 2, nSpk: 5, report: reportMain3},
	{id: "MAIN-4", typ: "Main Session", title: "Digital Divides and Inclusion: Connecting the Next Billion", format: "Open Discussion", decl: "75", day: 0, start: "14:30", end: "15:45", room: roomMain, sub: subDiv,
		desc: "Examines affordability, skills and relevant local content as the barriers that remain once networks are built.", nOrg: 1, nSpk: 4},
	{id: "PARL-1", typ: "Parliamentary Track", title: "Parliamentary Roundtable: Legislating for a Trusted Internet", format: "Round Table - 90 Min", day: 0, start: "16:15", end: "17:45", room: roomMain, sub: subGov,
		desc: "Members of parliament compare draft laws on platforms, data protection and cybercrime, and discuss how legislators can take part in multistakeholder processes.",
		q:    "How can parliaments keep laws technology-neutral while responding quickly to new harms?", nOrg: 2, nSpk: 4, interp: "EN/FR/ES/AR"},
	{id: "WS #220", typ: "Workshop", title: "Community Networks as Infrastructure for the Unconnected", format: "Round Table - 90 Min", day: 0, start: "09:30", end: "11:00", room: roomK, sub: subDiv,
		desc: "Operators of community networks in Africa, Asia and Latin America share licensing, spectrum and financing models that let communities build their own connectivity.",
		q:    "Which regulatory changes would most help community networks to scale?", fixedSpk: []string{"kofi"}, nOrg: 2, nSpk: 3},
	{id: "Open Forum #77", typ: "Open Forum", title: "Cross-border Data Flows with Trust: Regional Perspectives", format: "Panel - 60 Min", day: 0, start: "11:30", end: "12:30", room: roomK, sub: subData,
		desc: "Regulators from three regions explain how they reconcile data protection with the free flow of data, and where mutual recognition is possible.", nOrg: 1, nSpk: 3},
	{id: "WS #251", typ: "Workshop", title: "Platform Accountability and Election Integrity", format: "Round Table", decl: "90", day: 0, start: "13:30", end: "15:00", room: roomK, sub: subHR,
		desc: "With many national elections ahead, participants discuss transparency duties for platforms, research access to platform data and the protection of journalists.",
		q:    "What minimum transparency should platforms offer to electoral authorities and researchers?", nOrg: 2, nSpk: 4, spkSemi: true},
	{id: "LA-1", typ: "Launch / Award", title: "Launch of the Youth Digital Rights Report 2023", format: "Flash Session - 30 Min", day: 0, start: "15:30", end: "16:00", room: roomK, sub: subHR,
		desc: "Presentation of a survey of young people in 40 countries on privacy, online safety and freedom of expression.", nOrg: 1, nSpk: 2},
	{id: "DC-1", typ: "Dynamic Coalition Session", title: "Dynamic Coalition on Accessibility and Disability: Accessible by Design", format: "Round Table - 90 Min", day: 0, start: "16:30", end: "18:00", room: roomK, sub: subDiv,
		desc: "The coalition reviews progress on accessible public websites and mobile apps and invites feedback on its guidelines for accessible online meetings.", nOrg: 2, nSpk: 3},
	{id: "Day 0 Event #95", typ: "Day 0 Event", title: "Youth Voices in Internet Governance: An Intergenerational Dialogue", format: "Open Discussion - 180 Min", day: 0, start: "09:00", end: "12:00", room: roomB2, sub: subDiv,
		desc: "Youth IGF coordinators and senior policymakers work in small groups on how young people can move from being consulted to taking part in decisions.", nOrg: 2, nSpk: 4, orgSemi: true},
	{id: "Town Hall #93", typ: "Town Hall", title: "Local Content and Multilingualism Online", format: "Round Table - 90 Min", day: 0, start: "13:00", end: "14:30", room: roomB2, sub: subDiv,
		desc: "Discusses support for content, domain names and interfaces in local languages, and the role of public broadcasters and libraries.",
		q:    "How can public funding encourage local-language content without fragmenting audiences?", nOrg: 1, nSpk: 4, interp: "EN/FR"},
	{id: "Networking Session #7", typ: "Networking Session", title: "Women in Cybersecurity: Building a Global Network", format: "Birds of a Feather - 60 Min", day: 0, start: "15:00", end: "16:00", room: roomB2, sub: subCyb,
		desc: "An informal meeting for women working in incident response, policy and research to exchange contacts and mentoring opportunities.", nOrg: 1, nSpk: 2},
	{id: "Open Forum #30", typ: "OF", title: "Regional Cooperation on Critical Infrastructure Protection", format: "Birds of a Feather - 30 Min", day: 0, start: "16:30", end: "17:00", room: roomB2, sub: subCyb,
		desc: "National CERTs present a regional exercise on attacks against energy and water utilities.", nOrg: 1, nSpk: 2},
	{id: "Lightning Talk #12", typ: "Lightning Talk", title: "Measuring Internet Resilience in Small Island States", format: "Other - 20 Min", day: 0, start: "09:30", end: "09:50", room: roomB1, sub: subFrag,
		desc: "A short presentation of an index that tracks routing diversity, exchange points and cable redundancy in Pacific and Caribbean islands.", fixedSpk: []string{"tevita"}, nOrg: 1, nSpk: 1},
	{id: "Lightning Talk #15", typ: "Lightning Talks", title: "Open Source Tools for Content Moderation Research", format: "Other - 20 Min", day: 0, start: "10:00", end: "10:20", room: roomB1, sub: subHR,
		desc: "Demonstrates free tools that help researchers audit moderation decisions across languages.", nOrg: 1, nSpk: 2},
	{id: "WS #446", typ: "WS", title: "Balancing Data Sovereignty and Interoperability", format: "Round Table - 90 Min", day: 0, start: "11:00", end: "12:30", room: roomB1, sub: subData,
		desc: "Explores whether data localisation rules protect citizens or mainly raise costs, and which interoperability tools can reconcile national control with global services.",
		q:    "Under what conditions is data localisation a proportionate policy choice?", fixedSpk: []string{"jose"}, nOrg: 2, nSpk: 3, report: reportWS446},
	{id: "BPF-1", typ: "Best Practice Forum", title: "Best Practice Forum on Cybersecurity: Norms in Practice", format: "Break-out Group Discussions - 90 Min", day: 0, start: "15:30", end: "17:00", room: roomB1, sub: subCyb,
		desc: "Break-out groups test the forum's draft findings on how states and companies implement the UN norms of responsible state behaviour in cyberspace.", nOrg: 2, nSpk: 3},
	{id: "NEW-1", typ: "Newcomers Session", title: "Newcomers Track: Navigating the IGF", format: "Open Discussion - 60 Min", day: 0, start: "09:00", end: "10:00", room: roomI, sub: subGov,
		desc: "An introduction to the history of the IGF, its intersessional work and the programme of the week for first-time participants.", nOrg: 1, nSpk: 3},
	{id: "NRI-1", typ: "NRI Session", title: "NRIs Collaborative Session: Meaningful Access in the Global South", format: "Round Table - 90 Min", day: 0, start: "10:30", end: "12:00", room: roomI, sub: subDiv,
		desc: "National and regional IGFs from five continents compare what their communities said about affordability and digital skills.", fixedSpk: []string{"lan"}, nOrg: 2, nSpk: 3},
	{id: "WS #137", typ: "Workshop", title: "Green Data Centres and the Carbon Footprint of AI", format: "Panel - 90 Min", day: 0, start: "13:30", end: "15:00", room: roomI, sub: subEnv,
		desc: "Engineers and regulators discuss the energy and water use of data centres and the reporting that would let users compare providers.",
		q:    "Should energy reporting for data centres be mandatory, and above what size?", nOrg: 2, nSpk: 4},
	{id: "Open Forum #112", typ: "Open Forum", title: "E-waste and the Circular Economy for Digital Devices", format: "Panel", decl: "60", day: 0, start: "15:30", end: "16:30", room: roomI, sub: subEnv,
		desc: "Presents extended producer responsibility schemes and repair initiatives that reduce electronic waste.", nOrg: 1, nSpk: 3},
	{id: "WS #402", typ: "Workshop", title: "Generative AI in Classrooms: Risks and Opportunities", format: "Birds of a Feather - 60 Min", day: 0, start: "10:00", end: "11:00", room: roomA1, sub: subAI,
		desc: "Teachers, students and developers discuss guidance for the use of generative AI in schools and universities.", nOrg: 1, nSpk: 3},
	{id: "WS #89", typ: "Workshop", title: "Digital Identity Systems and Inclusion", format: "Break-out Group Discussions - 90 Min", day: 0, start: "14:00", end: "15:30", room: roomA1, sub: subData,
		desc: "Looks at how foundational ID systems can avoid excluding people without documents and how biometric data can be protected.",
		q:    "How can ID systems be designed so that no one is left out of essential services?", nOrg: 2, nSpk: 4},
	{id: "WS #175", typ: "Workshop", title: "Internet Fragmentation: Technical, Political and Commercial Layers", format: "Round Table - 90 Min", day: 0, start: "10:30", end: "12:00", room: roomA2, sub: subFrag,
		desc: "Maps the risks of fragmentation at the technical layer, in governance and in user experience, and discusses early-warning indicators.", fixedSpk: []string{"ana"}, nOrg: 2, nSpk: 3},
	{id: "Open Forum #145", typ: "Open Forum", title: "Child Online Safety in the Age of Generative AI", format: "Panel - 60 Min", day: 0, start: "13:30", end: "14:30", room: roomA2, sub: subCyb,
		desc: "Child protection agencies and industry discuss age-appropriate design and the detection of AI-generated abuse material.", nOrg: 1, nSpk: 3},

	// Wednesday 11 October 2023
	{id: "MAIN-5", typ: "Main Session", title: "The Global Digital Compact: On the Road to the Summit of the Future", format: "Panel - 90 Min", day: 1, start: "09:30", end: "11:00", room: roomMain, sub: subGov,
		desc: "Co-facilitators and stakeholders discuss how input from the IGF can shape the Global Digital Compact and its follow-up.",
		q:    "How should the IGF contribute to the implementation and review of the Global Digital Compact?", nOrg: 2, nSpk: 5, interp: "EN/FR/ES/AR/ZH/RU"},
	{id: "LP-1", typ: "Leadership Panel Session", title: "Open Dialogue with the IGF Leadership Panel", format: "Panel - 60 Min", day: 1, start: "12:00", end: "13:00", room: roomMain, sub: subGov,
		desc: "Members of the Leadership Panel present their paper on the Internet We Want and take questions from participants.", nOrg: 1, nSpk: 4},
	{id: "PN-1", typ: "Policy Network", title: "Policy Network on Internet Fragmentation", format: "Panel - 90 Min", day: 1, start: "14:00", end: "15:30", room: roomMain, sub: subFrag,
		desc: "The Policy Network presents its framework for discussing fragmentation and its recommendations for governments, companies and the technical community.", nOrg: 2, nSpk: 4},
	{id: "MAIN-6", typ: "Open Mic / Taking Stock", title: "Open Mic and Taking Stock", format: "Open Discussion - 60 Min", day: 1, start: "16:00", end: "17:00", room: roomMain, sub: subGov,
		desc: "Participants give feedback on this year's forum and make suggestions for the next one.", nOrg: 1, nSpk: 2},
	{id: "MAIN-7", typ: "Closing Ceremony", title: "Closing Ceremony", day: 1, start: "17:30", end: "18:30", room: roomMain, sub: subGov,
		desc: "Closing remarks by the host country and the United Nations, and handover to the next host.", nOrg: 1, nSpk: 3},
	{id: "WS #349", typ: "Workshop", title: "Submarine Cables and the Resilience of the Global Internet", format: "Round Table - 90 Min", day: 1, start: "09:00", end: "10:30", room: roomK, sub: subFrag,
		desc: "Cable operators, regulators and researchers discuss repair capacity, route diversity and the protection of cables in international waters.", fixedSpk: []string{"soren"}, nOrg: 2, nSpk: 3},
	{id: "Town Hall #61", typ: "Town Hall", title: "Digital Public Goods for Health Systems", format: "Panel - 60 Min", day: 1, start: "11:00", end: "12:00", room: roomK, sub: subData,
		desc: "Health ministries share their experience with open-source health information systems and the data governance they require.", nOrg: 1, nSpk: 3},
	{id: "WS #290", typ: "Workshop", title: "Algorithmic Transparency in Public Administration", format: "Debate - 90 Min", day: 1, start: "13:00", end: "14:30", room: roomK, sub: subAI,
		desc: "An Oxford-style debate on the motion that all algorithms used in public decisions should be published.",
		q:    "Does publishing source code make automated public decisions more accountable?", nOrg: 2, nSpk: 4},
	{id: "Lightning Talk #22", typ: "Lightning Talk", title: "Quantum-safe Cryptography: What Policymakers Should Know", format: "Other - 20 Min", day: 1, start: "15:00", end: "15:20", room: roomK, sub: subCyb,
		desc: "Explains the migration to post-quantum algorithms and the timelines that governments should plan for.", nOrg: 1, nSpk: 2},
	{id: "Open Forum #168", seed: true},
	{id: "NRI-2", typ: "NRI Session", title: "Youth IGFs: From Local Dialogue to Global Impact", format: "Round Table", decl: "90", day: 1, start: "09:00", end: "10:30", room: roomB2, sub: subGov,
		desc: "Youth IGF coordinators present how national youth initiatives feed into regional and global discussions.", nOrg: 2, nSpk: 3},
	{id: "WS #57", typ: "Workshop", title: "Gender-based Online Violence: Platform and Policy Responses", format: "Panel - 90 Min", day: 1, start: "11:00", end: "12:30", room: roomB2, sub: subHR,
		desc: "Advocates for survivors, platforms and regulators discuss reporting tools, legal remedies and prevention.",
		q:    "Which measures have reduced online gender-based violence, and how do we know?", nOrg: 2, nSpk: 4},
	{id: "Networking Session #14", typ: "Networking Session", title: "Connecting Researchers on Internet Measurement", format: "Birds of a Feather - 60 Min", day: 1, start: "13:30", end: "14:30", room: roomB2, sub: subFrag,
		desc: "Brings together people who measure shutdowns, censorship and network performance to share data and methods.", rap: "soren", nOrg: 1, nSpk: 2},
	{id: "LA-2", typ: "Launch / Award", title: "Digital Inclusion Champions Award 2023", format: "Other - 45 Min", day: 1, start: "15:00", end: "15:45", room: roomB2, sub: subDiv,
		desc: "Announcement of the winners of an award for local initiatives that bring women, older people and persons with disabilities online.", nOrg: 1, nSpk: 3},
	{id: "WS #161", typ: "Workshop", title: "Data Trusts and Collective Data Governance", format: "Birds of a Feather", decl: "60", day: 1, start: "09:30", end: "10:30", room: roomB1, sub: subData,
		desc: "Discusses data trusts, cooperatives and other collective models that give communities a say over how their data is used.", nOrg: 1, nSpk: 3},
	{id: "DC-2", typ: "DC", title: "Dynamic Coalition on Internet Rights and Principles: Rights in Digital Public Infrastructure", format: "Round Table - 90 Min", day: 1, start: "11:00", end: "12:30", room: roomB1, sub: subHR,
		desc: "Applies the Charter of Human Rights and Principles for the Internet to digital identity, payment and data-exchange systems.", nOrg: 2, nSpk: 3},
	{id: "WS #186", typ: "Workshop", title: "Satellite Broadband and Spectrum Policy", format: "Panel - 90 Min", day: 1, start: "14:30", end: "16:00", room: roomB1, sub: subDiv,
		desc: "Considers how low-earth-orbit satellite constellations change the economics of rural connectivity and which spectrum and licensing rules they need.", nOrg: 2, nSpk: 4, spkSemi: true},
	{id: "Town Hall #73", typ: "Town Hall", title: "Cybersecurity for Small Businesses in Developing Economies", format: "Round Table - 60 Min", day: 1, start: "10:00", end: "11:00", room: roomI, sub: subCyb,
		desc: "Small business associations and security vendors discuss affordable protection and awareness programmes.", fixedSpk: []string{"jose"}, nOrg: 1, nSpk: 2, lang: "Spanish", interp: "ES/EN"},
	{id: "WS #228", typ: "Workshop", title: "Environmental Data for Climate Action", format: "Break-out Group Discussions - 90 Min", day: 1, start: "11:30", end: "13:00", room: roomI, sub: subEnv,
		desc: "Working groups discuss open environmental data, satellite imagery and the governance of climate data platforms.", nOrg: 2, nSpk: 4, orgSemi: true},
	{id: "Open Forum #94", typ: "Open Forum", title: "Digital Cooperation in the Mekong Region", format: "Flash Session - 30 Min", day: 1, start: "14:00", end: "14:30", room: roomI, sub: subGov,
		desc: "Governments of the region present a joint plan on cross-border e-commerce and digital skills.", fixedSpk: []string{"lan"}, nOrg: 1, nSpk: 1},
	{id: "WS #378", typ: "Workshop", title: "Cyber Capacity Building Beyond Training Courses", format: "Round Table - 90 Min", day: 1, start: "09:30", end: "11:00", room: roomA1, sub: subCyb,
		desc: "Asks what makes cyber capacity building sustainable, from institutions and curricula to regional centres of expertise.", nOrg: 2, nSpk: 3, lang: "French", interp: "FR/EN"},
	{id: "Open Forum #52", typ: "Open Forum", title: "Latin American Approaches to AI Regulation", format: "Panel - 90 Min", day: 1, start: "13:00", end: "14:30", room: roomA2, sub: subAI,
		desc: "Legislators and experts compare the AI bills of Brazil, Chile, Colombia and Mexico.", fixedSpk: []string{"ana"}, nOrg: 1, nSpk: 3, lang: "Spanish", interp: "ES/EN/PT"},
}

// People who appear in more than one session (identical spelling), plus two
// speakers that show the 6-part and 4-part forms.
func fixedPerson(key string) Person {
	switch key {
	case "jose":
		return Person{Name: "José Núñez", Role: "Director of Public Policy", Org: "Asociación Latinoamericana de Internet", Stakeholder: "Private Sector", Region: "Latin American and Caribbean Group", Part: "on-site", canon: "Private Sector"}
	case "lan":
		return Person{Name: "Nguyễn Thị Lan", Role: "Deputy Director General", Org: "Vietnam Internet Network Information Center", Stakeholder: "Government", Region: "Asia-Pacific Group", Part: "onsite", Email: "nguyen.thi.lan@example.org", canon: "Government"}
	case "soren":
		return Person{Name: "Søren Ødegård", Role: "Senior Research Scientist", Org: "Norwegian Computing Center", Stakeholder: "Technical Community", Region: "WEOG", Part: "on-site", canon: "Technical Community"}
	case "ana":
		return Person{Name: "Ana Silva", Role: "Professor", Org: "Universidad de la República, Montevideo", Stakeholder: "Technical Community", Region: "GRULAC", Part: "online", canon: "Technical Community"}
	case "kofi":
		return Person{Name: "Kofi Boateng", Role: "Senior Lecturer", Org: "University of Ghana, Legon", Stakeholder: "Technical Community", Region: "African Group", Part: "on-site", Email: "kofi.boateng@example.net", canon: "Technical Community"}
	case "tevita":
		return Person{Name: "Tevita Fifita", Role: "Independent researcher", Stakeholder: "Tech community", Region: "Asia-Pacific Group", Part: "online", canon: "Technical Community"}
	}
	panic("unknown fixed person " + key)
}

// Open Forum #168 persons, exactly as the seed page writes them.
var seedOrganizers = []Person{
	{Name: "Heiko Wildner", Role: "BMDV", Stakeholder: "Government", canon: "Government"},
	{Name: "Aishwarya Salvi", Role: "GIZ", Stakeholder: "Government", canon: "Government"},
	{Name: "Tina Schams", Role: "GIZ", Stakeholder: "Government", canon: "Government"},
	{Name: "Philipp Schulte", Role: "BMDV"},
}

var seedSpeakers = []Person{
	{Name: "Valeriya Ionan", Role: "Deputy Minister for Eurointegration", Org: "Ministry of Digital Transformation of Ukraine", Stakeholder: "Government", Region: "Eastern European Group", Part: "virtual", canon: "Government"},
	{Name: "Pramod Varma", Role: "Individual capacity", Stakeholder: "Civil society", Region: "Asia-Pacific Group", Part: "virtual", canon: "Civil Society"},
	{Name: "Mark Irura", Stakeholder: "Intergovernmental Organization", Region: "African Group", Part: "on-site", canon: "Intergovernmental Organization"},
	{Name: "Adriana Groh", Role: "Co-Founder Sovereign Tech Fund", Stakeholder: "Civil society", Region: "Western European and Others Group", Part: "on-site", canon: "Civil Society"},
}

func seedSession() Session {
	return Session{
		ID: "Open Forum #168", Title: "Creating digital public infrastructure that empowers people",
		Type: "Open Forum", Format: "Panel - 60 Min",
		Date: "2023-10-11", Start: "17:45", End: "18:45", TZ: "Asia/Tokyo", Room: roomK,
		Theme: "Harmonising Global Digital Infrastructure", Subtheme: subGov,
		Description: seedDescription, PolicyQuestions: seedPolicyQuestions, ExpectedOutcomes: seedExpectedOutcomes,
		Organizers: seedOrganizers, Speakers: seedSpeakers,
		OnsiteMod:  Person{Name: "Aishwarya Salvi", Role: "GIZ", Email: "aishwarya.salvi@giz.de"},
		OnlineMod:  Person{Name: "Torge Wolters", Role: "GIZ"},
		Rapporteur: Person{Name: "Philipp Schulte", Role: "BMDV"},
		SDGs:       "9.1; 16.6; 16.7; 17.17; 17.6; 17.8",
		Takeaways:  seedKeyTakeaways, CTA: seedCallToAction, Report: seedReport,
		Tags: "digital public infrastructure; interoperability; peer learning", Lang: "English",
		URL:      "https://www.intgovforum.org/en/content/igf-2023-open-forum-168-creating-digital-public-infrastructure-that-empowers-people",
		Capacity: roomCapacity(roomK),
		OrgSep:   "\n", SpkSep: "\n",
	}
}

// culture: a coherent pool of names with a home country, city and UN regional group.
type culture struct {
	given, family []string
	familyFirst   bool
	country, city string
	region        string // canonical regional group
}

const (
	rgAF  = "African Group"
	rgAP  = "Asia-Pacific Group"
	rgEE  = "Eastern European Group"
	rgLA  = "Latin American and Caribbean Group"
	rgWE  = "Western European and Others Group"
	rgIGO = "Intergovernmental Organizations"
)

// Interleaved by region so that consecutive people come from different regions.
var cultures = []culture{
	{[]string{"Kwame", "Ama", "Kofi", "Abena", "Yaw", "Efua", "Kojo", "Akosua"}, []string{"Mensah", "Owusu", "Asante", "Boateng", "Appiah", "Darko"}, false, "Ghana", "Accra", rgAF},
	{[]string{"Haruka", "Kenji", "Yuki", "Takeshi", "Aiko", "Hiroshi", "Mei", "Daisuke"}, []string{"Sato", "Watanabe", "Tanaka", "Yamamoto", "Kobayashi", "Nakamura", "Ito", "Suzuki"}, false, "Japan", "Tokyo", rgAP},
	{[]string{"Olena", "Andriy", "Iryna", "Taras", "Oksana", "Dmytro"}, []string{"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko"}, false, "Ukraine", "Kyiv", rgEE},
	{[]string{"Beatriz", "João", "Camila", "Rafael", "Larissa", "Thiago"}, []string{"Oliveira", "Santos", "Ferreira", "Almeida", "Carvalho", "Rocha"}, false, "Brazil", "São Paulo", rgLA},
	{[]string{"Katrin", "Jonas", "Miriam", "Florian", "Sabine", "Matthias"}, []string{"Becker", "Schneider", "Hoffmann", "Wagner", "Krüger", "Schäfer"}, false, "Germany", "Berlin", rgWE},
	{[]string{"Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Baraka"}, []string{"Mwangi", "Odhiambo", "Kariuki", "Wekesa", "Mutua", "Njoroge"}, false, "Kenya", "Nairobi", rgAF},
	{[]string{"Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram", "Meera", "Siddharth"}, []string{"Raghavan", "Iyer", "Sharma", "Banerjee", "Menon", "Kulkarni", "Reddy", "Chatterjee"}, false, "India", "Bengaluru", rgAP},
	{[]string{"Agnieszka", "Paweł", "Katarzyna", "Tomasz", "Małgorzata", "Piotr"}, []string{"Nowak", "Mazur", "Krawczyk", "Zając", "Wróbel", "Pawlak"}, false, "Poland", "Warsaw", rgEE},
	{[]string{"Sofía", "Alejandro", "Valentina", "Diego", "Mariana", "Javier"}, []string{"Hernández", "García", "Martínez", "López", "Ramírez", "Torres"}, false, "Mexico", "Mexico City", rgLA},
	{[]string{"Camille", "Julien", "Élodie", "Mathieu", "Claire", "Théo"}, []string{"Moreau", "Lefèvre", "Girard", "Rousseau", "Fontaine", "Chevalier"}, false, "France", "Paris", rgWE},
	{[]string{"Aïcha", "Mamadou", "Fatou", "Ousmane", "Awa", "Cheikh"}, []string{"Diallo", "Traoré", "Ndiaye", "Sow", "Coulibaly", "Diop"}, false, "Senegal", "Dakar", rgAF},
	{[]string{"Thị Hoa", "Văn Minh", "Thu Hà", "Quang Huy", "Ngọc Anh", "Đức Thắng"}, []string{"Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Nguyễn"}, true, "Viet Nam", "Hanoi", rgAP},
	{[]string{"Kadri", "Tõnis", "Liis", "Märt", "Triin", "Rasmus"}, []string{"Tamm", "Saar", "Sepp", "Mägi", "Kask", "Rebane"}, false, "Estonia", "Tallinn", rgEE},
	{[]string{"Lucía", "Martín", "Florencia", "Santiago", "Julieta", "Nicolás"}, []string{"Fernández", "Gómez", "Pereyra", "Acosta", "Benítez", "Sosa"}, false, "Argentina", "Buenos Aires", rgLA},
	{[]string{"Ingrid", "Mikkel", "Astrid", "Lars", "Sigrid", "Henrik"}, []string{"Lindqvist", "Johansen", "Halvorsen", "Berg", "Nyström", "Dahl"}, false, "Norway", "Oslo", rgWE},
	{[]string{"Chidi", "Ngozi", "Emeka", "Funmilayo", "Tunde", "Adaeze"}, []string{"Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu", "Okonkwo"}, false, "Nigeria", "Lagos", rgAF},
	{[]string{"Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Eun-ji", "Dong-hyun"}, []string{"Kim", "Lee", "Park", "Choi", "Jung", "Kang"}, true, "Republic of Korea", "Seoul", rgAP},
	{[]string{"Ioana", "Andrei", "Elena", "Mihai", "Raluca", "Radu"}, []string{"Popescu", "Ionescu", "Dumitrescu", "Stan", "Georgescu", "Munteanu"}, false, "Romania", "Bucharest", rgEE},
	{[]string{"Daniela", "Andrés", "Paola", "Felipe", "Catalina", "Sebastián"}, []string{"Restrepo", "Vargas", "Castaño", "Ospina", "Moreno", "Quintero"}, false, "Colombia", "Bogotá", rgLA},
	{[]string{"Emily", "Michael", "Sarah", "David", "Rachel", "James"}, []string{"Whitfield", "Carter", "O'Neill", "Bennett", "Hughes", "Sullivan"}, false, "United States", "Washington", rgWE},
	{[]string{"Thandiwe", "Sipho", "Nomvula", "Tendai", "Lerato", "Kagiso"}, []string{"Ndlovu", "Dlamini", "Moyo", "Khumalo", "Mokoena", "Nkosi"}, false, "South Africa", "Johannesburg", rgAF},
	{[]string{"Dewi", "Budi", "Sari", "Agus", "Ratna", "Eko"}, []string{"Santoso", "Wijaya", "Kusuma", "Pratama", "Hidayat", "Lestari"}, false, "Indonesia", "Jakarta", rgAP},
	{[]string{"Nino", "Giorgi", "Tamar", "Levan", "Mariam", "Davit"}, []string{"Beridze", "Kapanadze", "Gelashvili", "Lomidze", "Tsiklauri", "Japaridze"}, false, "Georgia", "Tbilisi", rgEE},
	{[]string{"Keisha", "Marlon", "Shanice", "Dwayne", "Tricia", "Andre"}, []string{"Campbell", "Thompson", "Clarke", "Grant", "Reid", "Francis"}, false, "Jamaica", "Kingston", rgLA},
	{[]string{"Carmen", "Pablo", "Nuria", "Álvaro", "Marta", "Iñigo"}, []string{"Gutiérrez", "Navarro", "Iglesias", "Ruiz", "Ortega", "Castillo"}, false, "Spain", "Madrid", rgWE},
	{[]string{"Abebe", "Selam", "Hana", "Dawit", "Meron", "Yonas"}, []string{"Tesfaye", "Bekele", "Girma", "Haile", "Alemu", "Kebede"}, false, "Ethiopia", "Addis Ababa", rgAF},
	{[]string{"Rania", "Khalid", "Lina", "Faisal", "Huda", "Samir"}, []string{"Haddad", "Khoury", "Nasser", "Saleh", "Barakat", "Aoun"}, false, "Lebanon", "Beirut", rgAP},
	{[]string{"Anahit", "Armen", "Lilit", "Tigran", "Gayane", "Aram"}, []string{"Petrosyan", "Grigoryan", "Hakobyan", "Sargsyan", "Harutyunyan", "Karapetyan"}, false, "Armenia", "Yerevan", rgEE},
	{[]string{"Ignacio", "Valeria", "Matías", "Constanza", "Tomás", "Francisca"}, []string{"Muñoz", "Rojas", "Contreras", "Soto", "Fuentes", "Araya"}, false, "Chile", "Santiago", rgLA},
	{[]string{"Giulia", "Marco", "Chiara", "Luca", "Francesca", "Matteo"}, []string{"Rossi", "Bianchi", "Esposito", "Ricci", "Marino", "Greco"}, false, "Italy", "Rome", rgWE},
	{[]string{"Yasmine", "Omar", "Nour", "Karim", "Salma", "Tarek"}, []string{"Fahmy", "Mostafa", "Hassan", "Soliman", "Naguib", "Abdelrahman"}, false, "Egypt", "Cairo", rgAF},
	{[]string{"Wei", "Xiaoling", "Jun", "Meiling", "Hao", "Yuting"}, []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Zhao"}, true, "China", "Beijing", rgAP},
	{[]string{"Milica", "Nikola", "Jelena", "Marko", "Ivana", "Stefan"}, []string{"Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Ilić"}, false, "Serbia", "Belgrade", rgEE},
	{[]string{"Losana", "Viliami", "Mele", "Sione", "Salote", "Sitani"}, []string{"Vaipulu", "Taufa", "Naufahu", "Latu", "Tuilagi", "Havili"}, false, "Tonga", "Nukualofa", rgAP},
}

var coreStakeholders = []string{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}

func stakeholderAlias(canon string) string {
	switch canon {
	case "Government":
		return "Gov"
	case "Civil Society":
		return "Civil society"
	case "Private Sector":
		return "Private sector"
	case "Technical Community":
		return "Tech community"
	}
	return canon
}

func rolesFor(stake string) []string {
	switch stake {
	case "Government":
		return []string{"Director of Digital Policy", "Senior Policy Advisor", "Deputy Minister", "Head of International Cooperation", "Commissioner"}
	case "Civil Society":
		return []string{"Executive Director", "Programme Officer", "Senior Researcher", "Policy Lead", "Founder"}
	case "Private Sector":
		return []string{"Head of Public Policy", "Chief Technology Officer", "Senior Counsel", "Director of Government Affairs", "Security Architect"}
	case "Technical Community":
		return []string{"Professor", "Research Fellow", "Network Engineer", "Associate Professor", "Board Member"}
	case "Intergovernmental Organization":
		return []string{"Programme Specialist", "Senior Officer", "Head of Unit", "Digital Policy Advisor"}
	case "Media":
		return []string{"Reporter", "Editor", "Technology Correspondent"}
	}
	panic(stake)
}

func orgsFor(stake string, c culture) []string {
	C, Y := c.country, c.city
	switch stake {
	case "Government":
		return []string{"Ministry of Digital Affairs of " + C, C + " Communications Regulatory Authority", "National Cyber Security Centre of " + C, "Ministry of Foreign Affairs of " + C, "Data Protection Authority of " + C}
	case "Civil Society":
		return []string{"Digital Rights Foundation " + C, "Internet Society " + C + " Chapter", Y + " Centre for Internet and Society", "Open Data Initiative " + C, C + " Youth IGF"}
	case "Private Sector":
		return []string{C + " Telecom", C + " Association of Mobile Operators", Y + " Fintech Hub", "Cloudbridge " + C, C + " Chamber of Digital Commerce"}
	case "Technical Community":
		return []string{"University of " + Y, C + " Network Information Centre", Y + " Institute of Technology", C + " Research and Education Network", "Internet Measurement Lab " + Y}
	case "Intergovernmental Organization":
		return []string{"ITU", "UNESCO", "UNDP", "OECD", "African Union Commission", "World Bank", "UNICEF", "UN DESA", "UNCTAD", "Council of Europe"}
	case "Media":
		return []string{C + " Public Broadcasting", Y + " Daily", "Digital Policy Weekly"}
	}
	panic(stake)
}

// asciiFold maps the accented letters used in this file to ASCII (for e-mail
// addresses, URL slugs and name comparison).
var asciiFold = []string{
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ą", "a", "ă", "a", "ạ", "a", "ắ", "a", "ầ", "a",
	"Á", "A", "À", "A", "Ä", "A",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ę", "e", "ễ", "e", "ệ", "e", "É", "E",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ị", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ọ", "o", "ơ", "o", "Ø", "O", "Ö", "O",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ũ", "u", "ư", "u", "ứ", "u", "ū", "u",
	"ñ", "n", "ń", "n", "ç", "c", "ć", "c", "č", "c", "ł", "l", "ś", "s", "š", "s", "ź", "z", "ż", "z", "ž", "z",
	"đ", "d", "Đ", "D", "ß", "ss", "æ", "ae",
}
