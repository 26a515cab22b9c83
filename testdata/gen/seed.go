// Text of IGF 2023 Open Forum #168, copied verbatim from the seed session page
// (shared/seed/igf2023-open-forum-168.txt). The page runs description, policy
// questions and expected outcomes together in one paragraph; they are split into
// their fields here, and line breaks are added only before the numbered questions
// and the "- " items. Key takeaways, call to action and report keep the page's
// paragraphs (blank lines between them).

package main

const seedDescription = `Countries around the world have made investments into digital public infrastructure (DPI) that supports vital society-wide functions. These foundational digital platforms include digital identification, digital payments and data exchange and information systems. The platforms improve the lives of citizens as they can easily access government services and use payment systems from any part of the country. These platforms have also enabled interoperability and easy exchange of information between public and private sector actors. While some nations have built mature DPI ecosystems, others struggle to implement DPI due to a lack of technical capacity, low community buy-in or insufficient coordination across entities. Governments adopt different approaches to implementing DPI based on the availability of financial resources, engagement with the private sector, support from international organisations and interaction with civil society and citizens. Whatever approach countries opt for, it is important to strike a balance between the interests and needs of different stakeholders to ensure DPIs are sustainable and serve the public good. For instance, IT companies need a return on investment to be incentivised to participate in the DPI ecosystem. Data-driven business models can drive innovation and profits, but at the same time raise privacy-related risks for citizens and could lead to the exclusion of marginalised groups from public services. Countries can learn from one and another on how to reconcile interests of various stakeholders, avoid inefficiencies and protect citizens’ rights in the process of building DPI. International platforms also have a role to play in catalysing interoperability of DPI through standard-setting and knowledge exchange. Using a multi-stakeholder approach, this session therefore aims to facilitate open discussion, peer learning and foster international cooperation to help countries overcome challenges and create trustworthy and inclusive DPI for delivering key public and private services.`

const seedPolicyQuestions = `1. What does the ecosystem for implementing DPI look like in different countries? What is the role of the state, private actors and civil society in operationalizing DPI that empowers people? How can cross-sectoral partnerships be leveraged to accelerate DPI implementation?
2. What lessons can be drawn from DPI implementations in different countries? What was the rationale behind the approaches chosen, considering local needs? How to balance the interests and needs of different stakeholders while ensuring DPIs are trustworthy, inclusive, and interoperable?
3. What is the role of international cooperation in fostering the interoperability of DPIs and promoting peer learning?`

const seedExpectedOutcomes = `- Shared lessons can be used by participants involved in shaping DPI in their own countries and provide space for collaboration and business opportunities.
- Learnings from the session feed into further discussions on DPI in international cooperation fora (such as G7, G20, future IGF sessions and bilateral “Digital Dialogues” between participating countries).
What will participants gain from attending your session?
- Participants will gain a better understanding of how DPI can be implemented in different contexts and what roles different actors play in the DPI ecosystem.
- Participants will learn from the experiences and insights of experts and practitioners from different countries who have been involved in developing or using DPI.
- Participants can identify key challenges and opportunities of different approaches for implementing DPI in their own contexts.`

const seedKeyTakeaways = `There needs to be a holistic approach to governing digital public infrastructure, that includes the public sector, the private sector and civil society. DPIs are not only about building ecosystems but about creating the conditions for Stakeholders to work together efficiently.

Governments face similar challenges when it comes to DPI. Countries should learn from each other on how to govern, use and implement DPI solutions and focus on Knowledge sharing`

const seedCallToAction = `We need to develop and use a common understanding of DPI, that also includes the demand side – what do citizens actually want?

Some DPIs are common goods, and their governance is the responsibility of the international community and international approaches should be aligned accordingly.`

const seedReport = `IGF 2023 Open Forum: Creating Digital Public Infrastructure (DPI) that empowers people

IGF Topic: Harmonising Global Digital Infrastructure

IGF Sub-theme: Global Digital Governance & Cooperation

Date and Time Wednesday, 11 October 2023 | 17:45 to 18:45 JST

Workshop Room 7, Kyoto International Conference Centre

Session Report

The Open Forum titled “Creating Digital Public Infrastructure (DPI) that empowers people” posed the question of how different actors can cooperate to realize DPI in different countries and contexts. The panelists shared insights on how their countries implement DPI and how peer learning can improve interoperability. The session aimed to exchange lessons from different countries on DPI implementation and international cooperation in the field.

The session was opened by Dr. Irina Soeffky, Deputy Director-General for National, European and International Digital Policy of the Federal Ministry for Digital and Transport, Germany (BMDV). She acknowledged India’s G20 presidency’s role in bringing the topic of DPIs to the table and shared that the some of the major initiatives in Germany are to create an ecosystem of mobility data in public-private partnerships and the GovStack initiative, which promotes building blocks for the digital transformation of government.

The session was moderated on site by Aishwarya Salvi and online by Torge Wolters of Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH. Each speaker responded to the following questions:

1. Considering the diverse approaches of countries to DPI, we recognise that DPI is an evolving concept that may not be limited to sets of digital systems, actors or processes and implementation solutions could be tailored to specific country contexts. What role does each actor play in the DPI ecosystem of your country and how does the government strike a balance between differing needs and interests of different stakeholders?
2. From your country’s experience, what are the lessons that other countries could learn to build DPI that empowers people? And what is the role of international cooperation in fostering the interoperability of DPIs and promoting peer learning?

Dr. Pramod Varma, CTO of EkStep Foundation in India, stated that in e-government projects, there's a shift towards emphasizing the demand side, with a focus on DPI as essential building blocks. Rather than creating new infrastructure, the approach is minimalist, leveraging existing systems. It is important to understand the contexts to create long-lasting solutions. Examples like Unified Payment Interface (UPI) and Google Pay demonstrate the effectiveness of this approach. He stressed the need for solutions that are tailored and specific. Overall, he considers the demand side ecosystem more critical than the supply side in evolving digital governance.

Mark Irura, technical advisor at GIZ Kenya, addressed the role of the private sector and civil society as well, citing the problems arising through a lack of communication between the demand and supply sides. In his view, a long-term strategy is important for implementing digital solutions, as they can quickly become legacy systems. To improve governance, he suggests raising awareness on data handling among citizens, strengthen procurement skills for digital public goods and invest in robust infrastructure to ensure efficient resource allocation and prevent rapid obsolescence of tools.

Adriana Groh, co-founder of the Sovereign Tech Fund stated that also base software infrastructure needs to be protected. A large portion of this base software that is used to develop software is in critical shape and only maintained by a small number of people. This software, as a critical basis for DPI needs to be governed as a common good through an international effort.

Valeriya Ionan, Deputy Minister for Eurointegration at the Ukrainian Ministry for Digital Transformation, highlighted that governments face common challenges, such as securing data protection, interoperability, and enhancing digital literacy. Solutions already exist and work well; Estonia's X-Road, the country’s data infrastructure, is a notable example. To enhance global digital solutions, there should be more alignment and knowledge sharing. Sharing these experiences bilaterally or in international fora would be valuable. Further, access to digital transformation education is essential to create new opportunities. Cooperation and networking are key to leveraging existing information and achieving more together.

Finally, the audience online and in the room were invited to ask questions. This round highlighted further aspects that should be considered for DPI governance, such as ensuring citizens' trust, skills and understanding of what DPI is and the necessity to learn from other countries' mistakes and success stories.

In summary, this session highlighted that there needs to be a common understanding of what Digital Public Infrastructure means. Further, we need to include holistic approaches, where the demand side is respected, to see what the community needs, and make institutional changes to ensure effective implementation`
