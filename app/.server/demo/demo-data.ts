// Hand-written data behind the demo PD day. Kept apart from demo-day.ts so the
// seeding logic stays readable; nothing here is random, so every seed is identical.

export const SCHOOLS = [
  "Jefferson Elementary",
  "Whittier Elementary",
  "Garfield Elementary",
  "Lincoln Middle School",
  "Carver Middle School",
  "Roosevelt High School",
  "Prairie View High School",
  "Cedar Ridge Early Learning Center",
] as const;

// 36 first names and 37 last names: because 36 and 37 share no factor, pairing
// name i with first[i % 36] and last[(3 * i) % 37] never repeats a pair.
export const FIRST_NAMES = [
  "Aaliyah", "Ben", "Carmen", "Darius", "Elena", "Farah", "Gabe", "Hannah", "Isaac",
  "Jada", "Kevin", "Lauren", "Marcus", "Nadia", "Owen", "Paige", "Quinn", "Rosa",
  "Sean", "Tamika", "Uma", "Victor", "Whitney", "Xavier", "Yesenia", "Zach", "Amir",
  "Brooke", "Caleb", "Deja", "Ethan", "Fiona", "Grace", "Hector", "Imani", "Jonah",
] as const;

export const LAST_NAMES = [
  "Anderson", "Brooks", "Castillo", "Dawson", "Ellis", "Fischer", "Guzman", "Hayes",
  "Ibarra", "Jensen", "Kowalski", "Lambert", "Morales", "Nguyen", "Olsen", "Patel",
  "Quintero", "Reyes", "Schmidt", "Turner", "Underwood", "Vasquez", "Walsh", "Yoder",
  "Zimmerman", "Bennett", "Chavez", "Duffy", "Engstrom", "Flores", "Greene", "Hoffman",
  "Iverson", "Jacobs", "Kim", "Lindqvist", "Mendoza",
] as const;

export const ROOMS = [
  { name: "Library", building: "Main building", floor: "1", capacity: 60, features: "projector,wifi_heavy,charging", accessible: true },
  { name: "Room 114 — STEM Lab", building: "Main building", floor: "1", capacity: 32, features: "projector,sink_lab,student_devices", accessible: true },
  { name: "Cafeteria Commons", building: "Main building", floor: "1", capacity: 120, features: "projector,charging", accessible: true },
  { name: "Room 203", building: "Main building", floor: "2", capacity: 28, features: "projector", accessible: false },
  { name: "Computer Lab B", building: "East wing", floor: "2", capacity: 30, features: "projector,student_devices,wifi_heavy,charging", accessible: false },
  { name: "Auditorium", building: "Fine arts wing", floor: "1", capacity: 110, features: "projector", accessible: true },
] as const;

// The day runs 08:00–14:45; the last quarter hour is left for door prizes.
export const TIME_BLOCKS = [
  { label: "Welcome", startTime: "08:00", endTime: "08:40", kind: "keynote" },
  { label: "Block 1", startTime: "08:50", endTime: "09:50", kind: "sessions" },
  { label: "Block 2", startTime: "10:05", endTime: "11:05", kind: "sessions" },
  { label: "Block 3", startTime: "11:20", endTime: "12:20", kind: "sessions" },
  { label: "Lunch", startTime: "12:20", endTime: "13:15", kind: "lunch" },
  { label: "Block 4", startTime: "13:25", endTime: "14:25", kind: "sessions" },
] as const;

// Where each presenter teaches, by index into the presenter list, chosen to fit the
// grade bands of their proposals (an Algebra I session comes from a high school).
export const PRESENTER_SCHOOLS: ReadonlyArray<(typeof SCHOOLS)[number]> = [
  "Carver Middle School",
  "Roosevelt High School",
  "Cedar Ridge Early Learning Center",
  "Prairie View High School",
  "Whittier Elementary",
  "Lincoln Middle School",
  "Lincoln Middle School",
  "Roosevelt High School",
  "Garfield Elementary",
  "Jefferson Elementary",
  "Carver Middle School",
  "Garfield Elementary",
  "Prairie View High School",
  "Whittier Elementary",
  "Jefferson Elementary",
  "Roosevelt High School",
];

// The subject/strand tags presenters choose from (Event.subjectTags, one per line).
export const SUBJECT_TAGS = ["Literacy", "Math", "Science", "EdTech", "SEL", "Special education", "Arts"] as const;

// Colleagues who confirmed they co-present: proposal title → presenter index.
export const CO_PRESENTERS: ReadonlyArray<{ title: string; presenter: number }> = [
  { title: "Google Forms quizzes that grade themselves", presenter: 7 },
  { title: "Station rotation in K-2", presenter: 9 },
  { title: "Desmos activities for Algebra I", presenter: 12 },
];

export type DemoProposal = {
  /** Index into the presenter list; 0 is the demo teacher login. */
  presenter: number;
  title: string;
  summary: string;
  audience: string;
  format: "hands_on" | "demo" | "discussion" | "playground";
  lengthBlocks: number;
  details: string;
  /** Names from SUBJECT_TAGS, comma-separated. */
  tags: string;
  techNeeds: string;
  experienceLevel: "any" | "beginner" | "intermediate" | "advanced";
  maxParticipants?: number;
  /** Labels of TIME_BLOCKS the presenter also teaches or attends in. */
  unavailable?: string[];
  willingToRepeat?: boolean;
  state: "draft" | "submitted" | "accepted" | "waitlisted" | "declined" | "withdrawn" | "confirmed";
};

export const PROPOSALS: DemoProposal[] = [
  { presenter: 0, title: "Google Forms quizzes that grade themselves", summary: "Build a self-grading exit ticket from scratch and send the scores straight to your gradebook.", audience: "3-5,6-8,9-12", format: "hands_on", lengthBlocks: 1, state: "confirmed", details: "Participants build a five-question quiz with answer keys and point values, import scores into the gradebook, and leave with a template for their own subject.", tags: "EdTech", techNeeds: "student_devices,wifi_heavy", experienceLevel: "beginner", maxParticipants: 30, willingToRepeat: true },
  { presenter: 0, title: "Exit tickets that actually change tomorrow's lesson", summary: "Short, sortable exit tickets and a five-minute routine for regrouping students the next day.", audience: "all", format: "discussion", lengthBlocks: 1, state: "draft", details: "A short discussion of what makes an exit ticket useful, then we sort a real stack of tickets together and plan tomorrow's groups from them.", tags: "", techNeeds: "", experienceLevel: "any" },
  { presenter: 1, title: "Schoology rubrics in 20 minutes", summary: "Turn the rubric you already use on paper into a Schoology rubric, then grade a sample assignment with it.", audience: "6-8,9-12", format: "hands_on", lengthBlocks: 1, state: "confirmed", details: "Bring a paper rubric. We convert it in Schoology, attach it to a sample assignment and grade two pieces of student work with it.", tags: "EdTech", techNeeds: "student_devices,wifi_heavy,charging", experienceLevel: "beginner", maxParticipants: 28, unavailable: ["Block 3"] },
  { presenter: 2, title: "Station rotation in K-2", summary: "How to run three stations with one teacher and no tears. Bring your own literacy block to plan around.", audience: "K-2", format: "discussion", lengthBlocks: 1, state: "accepted", details: "I share how my K-2 room runs three literacy stations, with photos and the routines we teach in the first two weeks. Participants plan their own rotation.", tags: "Literacy", techNeeds: "projector", experienceLevel: "any", willingToRepeat: true },
  { presenter: 2, title: "Centers that run themselves", summary: "Task cards, visual timers and job charts that let young students rotate without asking you what's next.", audience: "K-2", format: "demo", lengthBlocks: 1, state: "waitlisted", details: "A tour of the task cards, visual timers and job charts from my classroom, with printable versions for participants to take.", tags: "Literacy", techNeeds: "projector", experienceLevel: "beginner", unavailable: ["Block 1"] },
  { presenter: 3, title: "Desmos activities for Algebra I", summary: "Walk through three ready-made Desmos activities as students, then adapt one for your own unit.", audience: "9-12", format: "hands_on", lengthBlocks: 2, state: "confirmed", details: "Two blocks: first we do three Desmos activities as students, then each participant adapts one for an upcoming unit with coaching.", tags: "Math,EdTech", techNeeds: "student_devices,wifi_heavy,charging,projector", experienceLevel: "intermediate", maxParticipants: 30 },
  { presenter: 4, title: "Read-alouds that build vocabulary", summary: "Pick books with rich tier-two words and plan a read-aloud that makes students use them the same day.", audience: "K-2,3-5", format: "demo", lengthBlocks: 1, state: "accepted", details: "I model a read-aloud with tier-two vocabulary, then participants pick a book from the bin and plan their own vocabulary moves.", tags: "Literacy", techNeeds: "projector", experienceLevel: "any", willingToRepeat: true },
  { presenter: 5, title: "Chromebook shortcuts every teacher should know", summary: "Screenshots, split screen, magnifier and the dozen keystrokes that save minutes every class period.", audience: "all", format: "playground", lengthBlocks: 1, state: "submitted", details: "An open lab: stations for screenshots, split screen, accessibility tools and keyboard shortcuts. Come and go as you like.", tags: "EdTech", techNeeds: "student_devices,charging", experienceLevel: "beginner", unavailable: ["Block 2"], willingToRepeat: true },
  { presenter: 6, title: "Restorative circles in middle school", summary: "Practice a full circle as participants, then talk through what to do when a circle goes sideways.", audience: "6-8", format: "discussion", lengthBlocks: 1, state: "accepted", details: "We sit in a full restorative circle as participants, then debrief common problems: silence, side talk, and harm that needs follow-up.", tags: "SEL", techNeeds: "", experienceLevel: "any", maxParticipants: 25 },
  { presenter: 7, title: "Canva for classroom posters", summary: "Make anchor charts and hallway posters in Canva for Education, with templates you can share with your team.", audience: "all", format: "hands_on", lengthBlocks: 1, state: "submitted", details: "Hands-on: make an anchor chart and a hallway poster in Canva for Education and share the templates with your grade-level team.", tags: "EdTech,Arts", techNeeds: "student_devices,wifi_heavy,projector", experienceLevel: "beginner", maxParticipants: 30, willingToRepeat: true },
  { presenter: 7, title: "Student-made infographics", summary: "A one-week project where students research a topic and present it as an infographic instead of a report.", audience: "6-8,9-12", format: "demo", lengthBlocks: 1, state: "declined", details: "A walk-through of a one-week infographic project: research guide, rubric, student examples and what I would change.", tags: "EdTech,Arts", techNeeds: "projector", experienceLevel: "intermediate" },
  { presenter: 8, title: "Number talks for fluency", summary: "Ten-minute number talks that build mental math and let every student explain a strategy.", audience: "3-5", format: "demo", lengthBlocks: 1, state: "confirmed", details: "I run three number talks with participants as students, then we look at student strategies from my class and how to record them.", tags: "Math", techNeeds: "projector", experienceLevel: "any", unavailable: ["Block 4"], willingToRepeat: true },
  { presenter: 9, title: "Phonics games with everyday materials", summary: "Playing cards, dice and sticky notes turned into phonics games you can set up in under a minute.", audience: "K-2", format: "playground", lengthBlocks: 1, state: "submitted", details: "Drop in and play: six phonics games with playing cards, dice and sticky notes, each with a one-page card to take back.", tags: "Literacy", techNeeds: "", experienceLevel: "any", willingToRepeat: true },
  { presenter: 10, title: "Lab safety without the lecture", summary: "Scenario cards and a quick escape-room format that teach lab safety rules students remember.", audience: "6-8,9-12", format: "hands_on", lengthBlocks: 1, state: "accepted", details: "Participants play the lab-safety escape room in teams and get the scenario cards as a ready-to-print set.", tags: "Science", techNeeds: "sink_lab", experienceLevel: "any", maxParticipants: 24 },
  { presenter: 10, title: "Low-cost labs with kitchen supplies", summary: "Chemistry and physics labs built from grocery-store materials, with a shared shopping list.", audience: "3-5,6-8", format: "hands_on", lengthBlocks: 2, state: "submitted", details: "Two blocks of labs with grocery-store materials: density towers, a balloon rocket and a pH indicator from red cabbage.", tags: "Science", techNeeds: "sink_lab", experienceLevel: "intermediate", maxParticipants: 24, unavailable: ["Block 1"] },
  { presenter: 11, title: "Writing conferences in five minutes", summary: "A conference routine and a simple tracking sheet so you meet every writer every week.", audience: "3-5,6-8", format: "discussion", lengthBlocks: 1, state: "accepted", details: "We practise a five-minute writing conference with a partner using my tracking sheet, then plan a weekly conference schedule.", tags: "Literacy", techNeeds: "", experienceLevel: "any", willingToRepeat: true },
  { presenter: 12, title: "Podcasting in social studies", summary: "Students script and record a two-minute podcast about a historical turning point using free tools.", audience: "6-8,9-12", format: "demo", lengthBlocks: 1, state: "waitlisted", details: "I demo the free tools my students use to script and record, play three student podcasts and share the unit plan.", tags: "EdTech", techNeeds: "projector,wifi_heavy", experienceLevel: "intermediate" },
  { presenter: 12, title: "Primary sources with Library of Congress sets", summary: "Find, print and scaffold primary source sets so every reading level can analyze the same document.", audience: "6-8,9-12", format: "hands_on", lengthBlocks: 1, state: "withdrawn", details: "We find primary source sets on the Library of Congress site and scaffold one document for three reading levels.", tags: "Literacy", techNeeds: "student_devices,wifi_heavy", experienceLevel: "any" },
  { presenter: 13, title: "Calm-down corners that teach regulation", summary: "Set up a calm-down corner with visuals and teach students to use it before they need it.", audience: "K-2,3-5", format: "discussion", lengthBlocks: 1, state: "confirmed", details: "How I set up and teach a calm-down corner, with the visuals and the lessons students get before they ever need it.", tags: "SEL,Special education", techNeeds: "projector", experienceLevel: "any", willingToRepeat: true },
  { presenter: 13, title: "Brain breaks for any subject", summary: "Twenty one-minute movement and breathing breaks, practiced together so you leave ready to use them.", audience: "all", format: "playground", lengthBlocks: 1, state: "submitted", details: "A playground of twenty one-minute brain breaks: movement, breathing and focus. We try them all; you leave with the cards.", tags: "SEL", techNeeds: "", experienceLevel: "any", willingToRepeat: true },
  { presenter: 14, title: "Spanish-English cognates across the curriculum", summary: "Use cognates to help emergent bilingual students unlock vocabulary in math, science and reading.", audience: "all", format: "demo", lengthBlocks: 1, state: "declined", details: "Cognate lists for math, science and reading, and three routines that help emergent bilingual students notice them.", tags: "Literacy", techNeeds: "projector", experienceLevel: "any" },
  { presenter: 14, title: "Sentence frames for academic talk", summary: "Post-ready sentence frames for partner talk, and a routine for fading them as students grow.", audience: "3-5,6-8", format: "hands_on", lengthBlocks: 1, state: "draft", details: "Participants build sentence frames for partner talk in their own subject and plan how to fade them over a unit.", tags: "Literacy,Special education", techNeeds: "", experienceLevel: "any" },
  { presenter: 15, title: "Feedback with Google Docs comment banks", summary: "Build a comment bank once and reuse it to give faster, more specific feedback on student writing.", audience: "6-8,9-12", format: "hands_on", lengthBlocks: 1, state: "submitted", details: "Hands-on: build a comment bank in Google Docs, then use it to give feedback on three sample essays in twenty minutes.", tags: "EdTech,Literacy", techNeeds: "student_devices,wifi_heavy", experienceLevel: "beginner", maxParticipants: 30, willingToRepeat: true },
  { presenter: 15, title: "Choice boards for early finishers", summary: "Design a choice board that keeps early finishers learning instead of waiting.", audience: "3-5,6-8", format: "playground", lengthBlocks: 1, state: "accepted", details: "Come and design a choice board for early finishers in your subject, using my templates and examples from grades 3 to 8.", tags: "", techNeeds: "projector", experienceLevel: "any", unavailable: ["Block 2"], willingToRepeat: true },
];

export const VENDORS = [
  { company: "Prairie Office Supply", contactName: "Gwen Holloway", contactEmail: "gwen.holloway@prairieoffice.test" },
  { company: "Bluebird Coffee Roasters", contactName: "Sam Ortiz", contactEmail: "vendor@bluebirdcoffee.test" },
  { company: "Lumen Learning Tech", contactName: "Priya Raman", contactEmail: "priya@lumenlearning.test" },
] as const;
