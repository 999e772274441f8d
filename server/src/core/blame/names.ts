// Given names: the generated lists (faker's locales, split by WordNet into names and names that are also words)
// and the hand lists for what they miss, built on first use.
import { GENERATED_FIRST_NAMES } from './lexicon/first-names';
import { GIVEN_NAMES, GIVEN_NAMES_ALSO_WORDS } from './lexicon/given-names';

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Given names from more cultures than the generated list covers (common names, not taken from any test set). */
const MORE_NAMES = words(`
  kwame kofi kojo kwabena kwaku yaw ama abena akosua adwoa efua esi chinedu chidi chioma chiamaka ngozi emeka ikenna
  obinna nnamdi uche adaeze amaka tunde femi funmi ade ayo bola dayo kemi segun sola wale yemi oluwaseun olu tobi
  thabo sipho themba thandi lindiwe zanele bongani lerato mpho nomvula palesa tshepo kagiso naledi amara amani baraka
  juma wanjiru njeri otieno kamau wambui achieng akinyi imani zuri nia kofi chike ekene kelechi babajide abdi hamza
  priya anjali aditi arjun rohit vikram karthik lakshmi deepa pooja neha ravi raj sunil anil ajay vijay shreya kavya
  divya ananya aarti meera tanvi harsh varun gaurav abhishek sachin siddharth rakesh ramesh suresh mukesh naveen
  pradeep sandeep sanjeev amitabh aishwarya shweta swati sneha payal pallavi rekha sushma vandana nandini radhika
  ritu sonali anand ashok arun ashish manoj vinod vivek rahul rohan aakash akash ishaan krishna gopal hari venkat
  srinivas ganesh mohan murali prasad rajesh ramya sowmya keerthi lavanya bhavna jyoti kiran
  kenji hiroshi takeshi yuki haruka akiko yumi daisuke kenta ryota shota yuto takumi sho naoki kazuki yusuke satoru
  tomoko keiko naoko yoko kaori ayumi emi hana mai misaki nanami rina saki yui koji shinji taro hideo masato
  li wang xiao jun hui ming jia yu lei jin chen zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao
  liang zheng xie song tang feng dong xiong yao fang xin yan ying hong ping qiang wen bo hao jie tao yong yi lan
  minjun seoyeon jiho jiwoo hyun soo jae eun minji jisoo yuna seojun doyun haeun sungmin younghee youngho donghyun
  linh anh thanh huong trang tuan hung dung long phuong quang nam duc thao ngoc hoa
  tariq yousef youssef hamid farid dariush arash parisa shirin emre burak cem murat kemal tarek nabil walid samer
  rami fadi ziad hassan hussein layla leila nadia rania dalia hiba lina yasmin zahra fatemeh maryam zeynep elif
  aylin ebru merve ozan serkan volkan arda deniz mehmet ahmet mustafa ali omar amir karim khaled rashid saeed
  sven lars anders mikael jukka pekka matti antti jussi heikki timo kari sanna aino eeva kaisa liisa
  thiago joao pedro lucas gabriel mariana camila valentina luciana beatriz larissa fernanda rafaela bruna renata
  diego santiago mateo sebastian alejandro javier pablo sofia lucia carmen paula daniela gabriela
  dmitri dmitry sergei alexei mikhail nikolai pavel andrei ivan svetlana natasha katya oksana irina tatiana yulia
  olga anastasia ekaterina vlad bogdan tomasz piotr krzysztof agnieszka katarzyna magdalena malgorzata
  siobhan aoife niamh saoirse ciara eoin cian oisin padraig sinead
  kai noa ari eli avi yael tamar noam itai shira
  priyanka nkechi chidi chinonso chukwuma ifeoma ijeoma nneka obioma onyeka uchenna adaobi ebuka tochukwu zainab
  aminu bello ibrahim musa sani usman yakubu hauwa halima aisha maryam bisi folake kunle lanre tayo wunmi yinka
  abebe almaz dawit mekdes tesfaye selam hanna kidist yohannes bereket fikirte kebede
  aarav aditya akshay amit ankit anupam arvind asha bhavesh chetan darshan deepak dhruv gautam hemant isha jayant
  kunal madhav manish mayank nakul nitin pankaj parth piyush pranav prateek rajiv ritesh sahil sameer saurabh
  shankar shashank shivam shubham sumit tarun tushar uday vikas vinay yash zubin anushka bhavya charu diksha garima
  ishita jhanvi kajal komal mansi megha nidhi preeti ritika sakshi shalini simran sonam tanya trisha vidya
  imran irfan junaid kashif nadeem naveed rizwan salman shahid tahir waqas zubair ayesha bushra farah hina
  mehwish sana saima uzma rashed rafiq shafiq tanvir habib anwar
  haruto sota riku ren yamato hinata akari aoi mio yuna koharu sana rio kaito daiki hayato kenichi makoto
  shinichi takashi tetsuya yoshiro hiroki masaki tomoya ayaka chihiro eri kana mami megumi miho nao sayaka yuka
  jisung minho seungmin taeyang jihoon sunwoo yeji jiyeon sooyoung hyejin minseo chaeyoung dahyun eunji
  wei jian hao ming xiaoming zhiwei jianguo yifan zihan yuxuan haoran xinyi yuting jiayi meiling xiaoling
  huong lan mai nga thu trung vinh khanh binh cuong hieu hoang kien loc phuc quoc tam thinh tien
  jose maria juan carlos angelo marvin jericho paolo rhea kristine jasmine mylene rowena
  agus budi dewi eko fajar hendra indra joko putri rini sari siti wahyu yudi adi bayu
  ahmet can deniz ece emine gizem hakan irem kerem melike onur selin sibel tolga yusuf
  arman babak behnam dariush farhad kaveh kourosh mehrdad omid payam ramin sina soroush azadeh golnar mahsa
  nasrin roya sara shadi yasaman
  aleksandra bartosz dawid grzegorz jakub kamil lukasz marcin mateusz michal pawel rafal szymon wojciech
  zofia ania basia ewelina gosia kasia marta monika ola zuzanna
  andrij bohdan dmytro mykola oleh oleksii taras yaroslav vasyl kateryna olena svitlana yulia nadiya
  bjorn henrik jonas kristian magnus nils ola petter sindre torstein anja ingrid kari liv marit silje tone
  tomas tomás joaquín martín agustín benjamín sebastián matías nicolás valentín florencia julieta micaela
  ximena renata catalina
`);

const STOPWORD_NAMES = words(`
  will may june april august mark jack pat bill art grace hope faith joy summer dawn holly ruby rose lily ivy
  sky star chase lance grant guy ray gene job miles rich hunter mason carter cooper parker porter tucker baker
  king prince major young price ward sage river reed rowan else long song sun ma hu he lin fang hong ping tao lan
  bo hao jie yong yi ho nam long dung hung bong duc min yan ying xin ding wen
  kari page cal ida val
`);

/**
 * Names that are also a modal, a month or a common verb ("Will", "May", "June", "Grant", "Ray", "Bill"): a name
 * only where nothing else fits, as the subject of a change in the past ("Will dropped the table"), the one thanked,
 * or the one a cleft picks out ("it was Art who…"), never by a possessive or an auxiliary ("June's release").
 */
export const STRICT_NAMES = words(`
  will may june april august grant ray bill art guy lance gene
`);

/**
 * Given names of Pacific and Indigenous cultures that the generated lists lack (Hawaiian, Māori, Samoan, Tongan,
 * Fijian, Inuit, Sámi and others): common names from public naming references, not from any test set.
 */
const PACIFIC_NAMES = words(`
  akamu alani alapaki alika aolani haunani hekili hoku iolana ikaika kahiau kahale kai kaimana kainoa kalani kalei
  kaleo kamaka kamalei kanoa kapono kaulana keahi keala kealoha keanu kekoa keola kiele koa kona konani leilani
  lokelani mahina makana makoa malia malie mana mele moana nalani nainoa noelani noelani okalani pualani
  aroha anahera awhina hana hemi hine huia kahu kahurangi manaia mere mihi nikau ngaio rangi rawiri rewi tama
  tamati tane tui wai waimarie wairua whetu wiremu
  afa aperila ioane iosefa lagi lanuola leota malaki manu mele mikaele penitoa sina sione siaosi tavita tevita
  ofa losa lupe mosese salote seini semisi siosaia sitani taniela tomasi viliami vailea
  apisai epeli inoke jone joeli kalisi litia losana maciu mereani ratu semi sereana timoci tomasi vilimone
  aputi anouk inuk kallik malaya nuka siku taqqiq ulla aslak ailo biret elle inga nils mikkel sunna
  nizhoni ayasha dakota kai tala takoda wichapi
`);

/** Names that are also words and never names in the sentences we read ("Will", "May", "Said"). */
const NEVER_NAMES = words(`
  can said even alone nine one so long job chance major general
  page sky star song sun he she it we me us you they his her
`);

let alsoWords: ReadonlySet<string> | undefined;
let firstNames: ReadonlySet<string> | undefined;

/**
 * Given names that are also English words ("Grace", "Hope", "Mark"): a name only in context. Built on first use
 * (the lists hold some 21,000 names; most documents never ask).
 */
export function namesAlsoWords(): ReadonlySet<string> {
  alsoWords ??= new Set(
    [...words(GIVEN_NAMES_ALSO_WORDS), ...STOPWORD_NAMES, ...STRICT_NAMES].filter((n) => !NEVER_NAMES.has(n)),
  );
  return alsoWords;
}

/** Given names that are not English words: a name wherever capitalised (unless a product or system). */
export function givenNames(): ReadonlySet<string> {
  if (firstNames) return firstNames;
  const also = namesAlsoWords();
  const names = new Set(words(GIVEN_NAMES));
  // The generated list is folded already; the hand lists may carry diacritics. Only a name with a character past
  // ASCII can have one (the generated 3,000 have none): folding each cost a one-file lint about 10 ms.
  for (const n of words(GENERATED_FIRST_NAMES)) names.add(n);
  for (const n of [...MORE_NAMES, ...PACIFIC_NAMES])
    names.add(/[^ -~]/.test(n) ? n.normalize('NFD').replace(/\p{M}/gu, '') : n);
  for (const n of names) if (STOPWORD_NAMES.has(n) || also.has(n) || NEVER_NAMES.has(n)) names.delete(n);
  firstNames = names;
  return names;
}
