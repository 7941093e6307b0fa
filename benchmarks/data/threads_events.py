"""Same-event reports by different outlets, written for this project: the threads benchmark's positives.

Each event is told three times, as a wire service, a local paper and a broadcaster would tell
it: the same facts, hardly a sentence in common, details one outlet has and another lacks.
Nothing here is copied from any publication. In ``INVENTED_EVENTS`` every name, place and figure is
invented; ``REAL_PLACE_EVENTS`` sets invented events in real places.
"""

from __future__ import annotations

INVENTED_EVENTS: dict[str, list[str]] = {
    "bridge-closure": [
        "Harbour bridge shut after cracks found in support\n\nThe Kestrel Harbour bridge was closed to all traffic on Monday after engineers found cracks in one of its steel supports. Transport officer Dana Whitlock said the bridge would stay shut for at least three weeks. About 18,000 vehicles cross it each day. Buses will divert through Millbrook, adding 20 minutes to journeys.",
        "Commuters face weeks of delays as Kestrel bridge closes\n\nDrivers who rely on the Kestrel Harbour bridge will have to find another way to work after the crossing was closed on Monday. Inspectors discovered cracking in a steel support, according to Dana Whitlock of the county transport office, who warned the closure could last three weeks or more. Roughly 18,000 cars and lorries use the bridge daily, and bus routes now run through Millbrook.",
        "Kestrel bridge closed\n\nA key bridge in Kestrel Harbour is closed tonight. Engineers spotted cracks in a support beam during a routine check. Officials, led by Dana Whitlock, expect it to remain shut for three weeks. Buses are being sent the long way round via Millbrook.",
    ],
    "hospital-strike": [
        "Nurses at St Oriel hospital vote to strike over staffing\n\nNurses at St Oriel General Hospital have voted to walk out for 48 hours next month, their union said on Tuesday. Of 1,140 members balloted, 86 percent backed the action. Union organiser Priya Castellan said wards were routinely left with one nurse for 14 patients. The hospital trust said it would keep emergency care running.",
        "St Oriel nurses back two-day walkout\n\nA 48-hour strike is set to hit St Oriel General Hospital after nurses voted overwhelmingly for industrial action. Priya Castellan, who organised the ballot, told us staff were stretched to one nurse for every 14 patients on some wards. The result, 86 percent in favour from 1,140 ballots, was announced on Tuesday. Managers promised emergency departments would stay open.",
        "Strike vote at St Oriel\n\nNurses at St Oriel General have backed a two-day strike. Eighty-six percent voted yes. Their organiser, Priya Castellan, says wards are dangerously understaffed. The trust says emergency care will continue during the walkout.",
    ],
    "flood-warning": [
        "Severe flood warnings issued along the river Tamsel\n\nThe Environment Agency issued six severe flood warnings along the river Tamsel on Wednesday as levels rose 2.3 metres above normal. Around 400 homes in Ashcombe and Lowbridge were told to prepare to leave. Duty manager Colm Ferrady said rain would continue until Friday.",
        "Ashcombe residents told to be ready to evacuate as Tamsel rises\n\nHundreds of families in Ashcombe and Lowbridge packed bags on Wednesday night after the river Tamsel climbed 2.3 metres above its usual level. Six severe warnings, the highest level, were in force. Colm Ferrady of the Environment Agency said more rain was forecast until Friday and urged people in the 400 affected homes to move valuables upstairs.",
        "Tamsel flood alert\n\nSix severe flood warnings are in place on the Tamsel. Homes in Ashcombe and Lowbridge may have to be evacuated. The agency's Colm Ferrady says the rain will not ease until Friday.",
    ],
    "factory-closure": [
        "Brantwell biscuit factory to close with loss of 620 jobs\n\nThe Halloway biscuit factory in Brantwell will close next year with the loss of 620 jobs, its owner Corbin Foods said on Thursday. Production will move to a plant in Eastmoor. Chief executive Lionel Harte blamed rising energy costs. Local MP Ruth Okonjo called the decision a hammer blow for the town.",
        "Hammer blow for Brantwell as Halloway plant shuts\n\nCorbin Foods confirmed on Thursday that it will shut the Halloway factory, Brantwell's biggest employer, putting 620 people out of work. Lionel Harte, the company's chief executive, said energy bills had made the site unviable and that output would be transferred to Eastmoor. Ruth Okonjo, the town's MP, said she would press ministers for help.",
        "Halloway factory to close\n\nSix hundred and twenty jobs are going at the Halloway biscuit works in Brantwell. Corbin Foods says energy costs are to blame and production is moving to Eastmoor. MP Ruth Okonjo says it is a devastating day.",
    ],
    "school-fire": [
        "Fire destroys science block at Fernhill Academy\n\nA fire destroyed the science block at Fernhill Academy in the early hours of Friday. Twelve fire engines attended and nobody was hurt. Headteacher Martin Quayle said the school's 900 pupils would learn from home on Monday. Police are treating the blaze as suspicious.",
        "Fernhill pupils sent home after overnight blaze\n\nFirefighters from across the county spent hours tackling a blaze that gutted Fernhill Academy's science building before dawn on Friday. No one was injured. Martin Quayle, the headteacher, said lessons for the 900 students would move online for the start of next week, while detectives investigate whether the fire was started deliberately.",
        "Blaze at Fernhill Academy\n\nThe science block at Fernhill Academy has been destroyed by fire. Twelve crews were called overnight. Police say the fire is suspicious. Headteacher Martin Quayle says pupils will study at home on Monday.",
    ],
    "election-result": [
        "Greta Lindqvist wins Norland mayoral race\n\nGreta Lindqvist of the Civic Alliance was elected mayor of Norland on Sunday with 54 percent of the vote, defeating incumbent Aldo Ferrante. Turnout was 38 percent. Lindqvist promised to freeze council tax and build 3,000 homes.",
        "Lindqvist ousts Ferrante in Norland\n\nNorland has a new mayor. Greta Lindqvist beat Aldo Ferrante, who had held the post for eight years, taking 54 percent of ballots cast on a turnout of 38 percent. In her victory speech she repeated pledges to hold council tax and deliver 3,000 new homes. Ferrante conceded shortly after midnight.",
        "New mayor for Norland\n\nThe Civic Alliance's Greta Lindqvist is Norland's new mayor, unseating Aldo Ferrante with 54 percent. She says she will freeze council tax.",
    ],
    "train-derailment": [
        "Freight train derails near Corrow junction\n\nA freight train carrying timber derailed near Corrow junction on Saturday, blocking the main line between Pellham and Durris. Network operator spokesman Idris Vance said eight wagons left the track and the driver was unhurt. Passenger services are suspended until at least Tuesday.",
        "Derailment at Corrow blocks Pellham to Durris line\n\nRail passengers between Pellham and Durris face days of disruption after eight wagons of a timber train came off the rails close to Corrow junction on Saturday afternoon. Idris Vance, speaking for the network operator, said the driver escaped injury and that lifting the wagons would take until Tuesday at the earliest. Replacement buses are running.",
        "Corrow derailment\n\nA timber freight train has come off the tracks near Corrow junction. No one was hurt. Trains between Pellham and Durris are cancelled until Tuesday, says Idris Vance of the rail operator.",
    ],
    "museum-theft": [
        "Gold brooch stolen from Westervale museum\n\nA seventh-century gold brooch was stolen from the Westervale Museum on Tuesday night, police said. Thieves broke a display case in the Saxon gallery. Curator Helen Marsh said the brooch was insured for 1.2 million pounds but was priceless to the town. Detectives have appealed for witnesses.",
        "Priceless Saxon brooch taken in Westervale break-in\n\nDetectives are hunting thieves who smashed a cabinet in the Westervale Museum's Saxon gallery on Tuesday and made off with a gold brooch about 1,400 years old. Helen Marsh, the museum's curator, said its insured value of 1.2 million pounds did not reflect what it meant to local people. Anyone who saw anything unusual near the building is asked to contact police.",
        "Westervale museum theft\n\nA Saxon gold brooch worth 1.2 million pounds has been stolen from Westervale Museum. Curator Helen Marsh says it is irreplaceable. Police want to hear from witnesses.",
    ],
    "water-contamination": [
        "Residents of Ibbotsford told to boil tap water\n\nAbout 11,000 households in Ibbotsford were told on Monday to boil their tap water after tests found E. coli at the Ridgeway treatment works. Severnlake Water said the notice would last at least five days. Operations director Sunil Rao apologised and said bottled water stations had opened at two schools.",
        "Boil water notice for Ibbotsford after E. coli found\n\nSevernlake Water has ordered 11,000 homes in Ibbotsford to boil all drinking water after routine samples at its Ridgeway works showed traces of E. coli. Sunil Rao, the company's operations director, said sorry to customers and warned the notice was likely to stay in place for five days. Bottled water is being handed out at two schools.",
        "Ibbotsford water warning\n\nPeople in Ibbotsford must boil their water. E. coli was found at the Ridgeway works. Severnlake Water's Sunil Rao says the advice will last about five days.",
    ],
    "stadium-plan": [
        "Carnbury Rovers unveil plans for 32,000-seat stadium\n\nCarnbury Rovers unveiled plans on Wednesday for a 32,000-seat stadium on the former gasworks site at Quayside. Club chairman Owen Petrakis said the 180 million pound project would open in 2029. Residents' group Quayside Voice said it feared traffic chaos on match days.",
        "Rovers want new home at Quayside gasworks\n\nFootball club Carnbury Rovers hope to leave their ageing ground for a 32,000-capacity stadium on the old Quayside gasworks, chairman Owen Petrakis announced on Wednesday. The scheme would cost 180 million pounds and could be ready by 2029. Quayside Voice, which represents people living nearby, warned of gridlock.",
        "Carnbury Rovers stadium plans\n\nCarnbury Rovers want to build a 32,000-seat stadium at Quayside. Chairman Owen Petrakis says it could open in 2029. Some residents are worried about traffic.",
    ],
    "wildfire": [
        "Wildfire forces evacuation of Sorrel Ridge villages\n\nA wildfire on Sorrel Ridge forced the evacuation of three villages on Thursday as strong winds pushed flames towards homes. More than 150 firefighters and two water-bombing aircraft were deployed. Fire chief Nadia Brook said 600 hectares of heath had burned.",
        "Three villages emptied as Sorrel Ridge blaze spreads\n\nPeople in three villages below Sorrel Ridge left their homes on Thursday afternoon as a heath fire, driven by gusting wind, moved downhill. Nadia Brook, the county's chief fire officer, said about 600 hectares had been lost and that 150 firefighters, helped by two aircraft dropping water, were trying to hold a line along the old drovers' road.",
        "Sorrel Ridge wildfire\n\nThree villages have been evacuated because of a wildfire on Sorrel Ridge. Six hundred hectares have burned. Fire chief Nadia Brook says crews and two aircraft are fighting the flames.",
    ],
    "library-cuts": [
        "Dunstable Vale council to close seven libraries\n\nDunstable Vale council voted on Tuesday to close seven of its 19 libraries to save 2.4 million pounds a year. Council leader Farid Osei said the choice was painful but unavoidable. Campaigners delivered a petition with 14,000 signatures before the vote.",
        "Seven libraries to shut despite 14,000-name petition\n\nCampaigners who handed in a 14,000-signature petition failed to stop Dunstable Vale council from closing seven branch libraries on Tuesday night. Farid Osei, who leads the council, said cutting the network from 19 libraries would save 2.4 million pounds each year and that he took no pleasure in it.",
        "Library closures in Dunstable Vale\n\nSeven libraries are to close in Dunstable Vale. The council says it will save 2.4 million pounds a year. Leader Farid Osei called it painful.",
    ],
}

# Real places and institutions, invented events, people and figures: news names are mostly common
# ones ("Texas", "European"), and pairs of these events share such names on purpose (two Texas
# stories, two European ones, two walkouts) so that a rule leaning on names is tested. The last
# four (HELD_OUT) were written before the rule was retuned and never looked at while tuning.
REAL_PLACE_EVENTS: dict[str, list[str]] = {
    "miyagi-earthquake": [
        "Strong earthquake shakes northern Japan, small tsunami reported\n\nAn earthquake of magnitude 6.8 struck off the coast of Miyagi prefecture in northern Japan early on Sunday, the Japan Meteorological Agency said. A tsunami of 40 centimetres reached the port of Ishinomaki about half an hour later. Bullet train services between Tokyo and Sendai were halted while engineers checked the tracks. Agency official Kenji Harada warned of aftershocks over the coming week.",
        "Sendai trains stopped after 6.8 quake off Miyagi\n\nResidents of Miyagi were jolted awake on Sunday morning when a magnitude 6.8 tremor hit offshore. Kenji Harada of the meteorological agency told a news conference that a wave of around 40cm had come ashore at Ishinomaki and that people should stay away from the coast. Shinkansen trains running north from Tokyo to Sendai were held at stations for inspections.",
        "Japan earthquake\n\nA 6.8 magnitude earthquake has hit northern Japan off Miyagi. A small tsunami came ashore at Ishinomaki. Bullet trains to Sendai were suspended. There are no reports of serious damage.",
    ],
    "houston-refinery-fire": [
        "Explosion at Houston-area refinery injures three workers\n\nAn explosion and fire at the Gulfline Energy refinery in Pasadena, Texas, injured three workers on Tuesday afternoon, officials said. Residents within a mile of the plant east of Houston were told to stay indoors for four hours. Fire chief Maria Delgado said the blaze started in a unit that processes crude oil and was put out by evening. Gulfline said the three men were in stable condition.",
        "Shelter-in-place order lifted after Pasadena refinery blast\n\nPeople living near the Gulfline Energy plant in Pasadena were allowed back outside on Tuesday night after a crude unit exploded and burned for several hours. Three employees were taken to hospital in Houston with burns; the company said they were stable. Maria Delgado, the city's fire chief, said investigators would try to find out what caused the explosion.",
        "Refinery fire in Texas\n\nThree workers were hurt when an explosion sparked a fire at a refinery in Pasadena, near Houston. Neighbours were told to stay inside for several hours. The fire is now out.",
    ],
    "austin-school-day": [
        "Austin schools to add 30 minutes to the school day\n\nThe Austin Independent School District board in Texas voted 6-3 on Thursday to lengthen the school day by 30 minutes from August. Superintendent Dolores Whitaker said the extra time would go to reading and maths. The change will cost 14 million dollars a year, paid from federal recovery funds. The teachers' association said staff had not been consulted.",
        "Longer days ahead for Austin pupils after board vote\n\nStudents in Austin will spend an extra half hour in class each day starting in August, after school trustees approved the plan by six votes to three on Thursday night. Dolores Whitaker, the district's superintendent, said the time would be spent on literacy and mathematics. The 14 million dollar annual cost will come from federal money, she said, but teachers complained they were left out of the decision.",
        "Austin school day extended\n\nThe Austin school board has voted to make the school day 30 minutes longer from August. The superintendent says the time is for reading and maths. Teachers say they were not asked.",
    ],
    "ecb-rate-cut": [
        "European Central Bank cuts rates by a quarter point\n\nThe European Central Bank cut its deposit rate by 0.25 percentage points to 2.75 percent on Thursday, its third cut this year, as inflation in the eurozone slowed to 1.9 percent. Chief economist Anneli Korhonen told reporters in Frankfurt that further cuts were possible if growth stayed weak. The euro fell 0.4 percent against the dollar after the announcement.",
        "ECB lowers deposit rate to 2.75% as inflation eases\n\nBorrowing in the euro area got cheaper on Thursday when the ECB trimmed its key rate by 25 basis points, to 2.75%. With prices rising at 1.9% a year, below the bank's target, policymakers in Frankfurt had room to act, Anneli Korhonen, the bank's chief economist, said, adding that the door to more easing was open. The single currency slipped against the dollar.",
        "ECB rate cut\n\nThe European Central Bank has cut interest rates again, to 2.75 percent. It is the third cut this year. The bank says inflation is now below its target.",
    ],
    "eu-steel-tariffs": [
        "European Commission imposes tariffs on imported steel pipes\n\nThe European Commission on Wednesday imposed tariffs of up to 31 percent on seamless steel pipes from three countries, saying they had been sold in Europe below cost. Trade commissioner Marek Zielinski said the duties would protect about 9,000 jobs at mills in Italy, Germany and Poland. The tariffs take effect next month and last five years.",
        "Brussels slaps duties of up to 31% on cheap steel pipes\n\nSteelmakers in Italy, Germany and Poland won protection on Wednesday when the European Commission announced anti-dumping duties on seamless pipes from three exporting countries. Marek Zielinski, the commissioner responsible for trade, said dumped imports had put some 9,000 European jobs at risk. The measures will apply for five years from next month.",
        "EU steel tariffs\n\nThe European Union is putting tariffs of up to 31 percent on steel pipes from three countries. Brussels says they were being dumped below cost. The duties start next month.",
    ],
    "louvre-walkout": [
        "Louvre shut for the day as staff walk out over crowding\n\nThe Louvre in Paris stayed closed on Monday after guards and ticket staff walked out in protest at overcrowding and staff shortages. Thousands of visitors queued outside the glass pyramid before being turned away. Union representative Sylvie Marchand said the museum now receives 30,000 visitors on busy days with fewer staff than a decade ago. Management said it hoped to reopen on Tuesday.",
        "Tourists turned away from Louvre during staff protest\n\nVisitors hoping to see the Mona Lisa on Monday found the doors of the Louvre locked after its attendants stopped work. Sylvie Marchand, speaking for the staff union, said crowds of up to 30,000 a day had become impossible to manage safely with current numbers. The museum's management promised talks and said it expected to open again on Tuesday.",
        "Louvre closed by walkout\n\nThe Louvre museum in Paris was closed on Monday because staff walked out over overcrowding. Visitors waiting at the pyramid were sent away. The museum hopes to reopen tomorrow.",
    ],
    "assam-floods": [
        "Floods displace 40,000 in India's Assam state\n\nMonsoon floods have forced about 40,000 people from their homes in the Indian state of Assam, officials said on Friday, after the Brahmaputra river burst its banks in four districts. At least six people have died. State disaster official Ranjit Bora said 120 relief camps had been opened and the army had been called in to help with rescues by boat.",
        "Six dead as Brahmaputra floods four Assam districts\n\nRescuers in boats were ferrying families to safety in Assam on Friday as the swollen Brahmaputra spilled into villages across four districts. Ranjit Bora of the state disaster management authority said roughly 40,000 people were sheltering in 120 relief camps and that six deaths had been confirmed. Soldiers have joined the rescue effort.",
        "Assam floods\n\nFloods in the Indian state of Assam have driven 40,000 people from their homes. Six people have died. The army is helping with rescues.",
    ],
    "tube-strike": [
        "London Underground strike halts most Tube lines\n\nMost of the London Underground was shut on Thursday as drivers began a 24-hour strike over pay and rosters. Transport for London said only parts of four lines were running. Union official Gareth Pryce said drivers had been offered a 3 percent rise, below inflation. Buses were packed and roads into central London were heavily congested.",
        "Commuters struggle as Tube drivers walk out\n\nLondoners faced a miserable journey to work on Thursday after Underground drivers stopped work for 24 hours. Gareth Pryce, who speaks for the drivers' union, said a 3% pay offer was a real-terms cut and that new rosters were unsafe. Transport for London ran a skeleton service on four lines and urged people to work from home.",
        "Tube strike\n\nA 24-hour strike by drivers has shut most of the London Underground. Only parts of four lines are running. The union says a 3 percent pay offer is not enough.",
    ],
    "cape-canaveral-launch": [
        "NASA delays weather satellite launch over fuel valve fault\n\nNASA postponed the launch of its Tempest-2 weather satellite from Cape Canaveral, Florida, on Saturday, minutes before lift-off, after sensors detected a faulty fuel valve on the rocket. Launch director Carla Jennings said the next attempt would be no earlier than Wednesday. The 420 million dollar satellite is designed to track hurricanes in the Atlantic.",
        "Tempest-2 stays on the pad after last-minute scrub\n\nThe countdown for NASA's Tempest-2 hurricane-watching satellite was stopped with four minutes to go on Saturday at Cape Canaveral. Carla Jennings, directing the launch, said a valve in the rocket's fuel system had given a faulty reading and engineers needed several days to replace it, so Wednesday was the earliest new date. The mission cost 420 million dollars.",
        "Satellite launch scrubbed\n\nNASA has called off the launch of a weather satellite in Florida because of a fuel valve problem. The next try will be Wednesday at the earliest.",
    ],
    "nairobi-marathon": [
        "Kenyan runner sets course record at Nairobi marathon\n\nKenya's Elias Kiptanui won the Nairobi marathon on Sunday in 2 hours 4 minutes and 51 seconds, breaking the course record by more than a minute. Ethiopia's Tesfaye Alemu was second. In the women's race Naomi Chepkurui won her third title in a row. About 15,000 runners took part.",
        "Kiptanui smashes Nairobi record\n\nElias Kiptanui ran the fastest marathon ever seen in Nairobi on Sunday, crossing the line in 2:04:51 to take more than a minute off the old mark. Tesfaye Alemu of Ethiopia finished runner-up. Naomi Chepkurui made it three straight wins in the women's event, with some 15,000 people running.",
        "Nairobi marathon\n\nElias Kiptanui has won the Nairobi marathon in a course record. Naomi Chepkurui won the women's race for the third year running.",
    ],
}
# Kept out of every threshold choice: measured, never tuned on.
HELD_OUT = ("assam-floods", "tube-strike", "cape-canaveral-launch", "nairobi-marathon")
EVENTS: dict[str, list[str]] = {**INVENTED_EVENTS, **REAL_PLACE_EVENTS}
