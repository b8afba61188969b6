// Name lists for the synthetic patients: plain ASCII (so SQL lower() folds them exactly as foldForSearch does),
// a mix of the surnames common in British Columbia, a few with apostrophes and hyphens.
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Charlotte', 'Oliver', 'Amelia', 'Benjamin', 'Sophia', 'Lucas', 'Ava', 'William',
  'Mia', 'Jack', 'Isla', 'Ethan', 'Chloe', 'James', 'Ella', 'Leo', 'Grace', 'Henry', 'Evelyn', 'Theodore', 'Harper',
  'Samuel', 'Abigail', 'Owen', 'Emily', 'Nathan', 'Hannah', 'Daniel', 'Zoe', 'Jacob', 'Lily', 'Logan', 'Nora',
  'Alexander', 'Scarlett', 'Thomas', 'Aria', 'Gabriel', 'Maya', 'Matthew', 'Layla', 'Arjun', 'Priya', 'Harpreet',
  'Gurpreet', 'Jaspreet', 'Manpreet', 'Rajinder', 'Wei', 'Jing', 'Mei', 'Hao', 'Yan', 'Ming', 'Hiroshi', 'Yuki',
  'Kenji', 'Min-jun', 'Seo-yeon', 'Ji-ho', 'Duc', 'Linh', 'Minh', 'Ana', 'Jose', 'Maria', 'Juan', 'Sofia', 'Mateo',
  'Margaret', 'Robert', 'Patricia', 'Michael', 'Linda', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Karen',
  'Charles', 'Nancy', 'Christopher', 'Sandra', 'Mark', 'Donna', 'Paul', 'Carol', 'Steven', 'Ruth', 'Andrew', 'Sharon',
  'Kenneth', 'Michelle', 'Joshua', 'Laura', 'Kevin', 'Sarah', 'Brian', 'Kimberly', 'George', 'Deborah', 'Edward',
  'Jessica', 'Ronald', 'Shirley', 'Timothy', 'Cynthia', 'Jason', 'Angela', 'Jeffrey', 'Melissa', 'Ryan', 'Brenda',
  'Gary', 'Amy', 'Nicholas', 'Anna', 'Eric', 'Rebecca', 'Stephen', 'Virginia', 'Jonathan', 'Kathleen', 'Larry',
  'Siobhan', 'Aoife', 'Niamh', 'Declan', 'Eamon', 'Amara', 'Chidi', 'Ngozi', 'Kwame', 'Aisha', 'Omar', 'Fatima',
];

export const LAST_NAMES = [
  'Smith', 'Brown', 'Tremblay', 'Martin', 'Roy', 'Wilson', 'Macdonald', 'Gagnon', 'Johnson', 'Taylor', 'Cote',
  'Campbell', 'Anderson', 'Leblanc', 'Lee', 'Jones', 'White', 'Williams', 'Miller', 'Thompson', 'Gauthier', 'Young',
  'Van', 'Morin', 'Bouchard', 'Scott', 'Stewart', 'Belanger', 'Reid', 'Pelletier', 'Moore', 'Lavoie', 'King',
  'Robinson', 'Levesque', 'Murphy', 'Fortin', 'Gagne', 'Wong', 'Clark', 'Johnston', 'Clarke', 'Ross', 'Walker',
  'Thomas', 'Boucher', 'Landry', 'Kelly', 'Bergeron', 'Davis', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang',
  'Singh', 'Gill', 'Sandhu', 'Dhillon', 'Grewal', 'Sidhu', 'Brar', 'Bains', 'Sharma', 'Patel', 'Nguyen', 'Tran',
  'Pham', 'Kim', 'Park', 'Choi', 'Tanaka', 'Suzuki', 'Sato', 'Yamamoto', 'Garcia', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Fraser', 'Mackenzie', 'Mclean',
  'Morrison', 'Hamilton', 'Graham', 'Paterson', 'Henderson', 'Cameron', 'Sutherland', 'Ferguson', 'Gordon',
  "O'Brien", "O'Connor", "O'Neill", 'Murray', 'Ryan', 'Byrne', 'Doyle', 'Walsh', 'Kowalski', 'Nowak', 'Wisniewski',
  'Kovalenko', 'Shevchenko', 'Novak', 'Horvat', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner',
  'Becker', 'Hoffmann', 'Jansen', 'De Vries', 'Van Dijk', 'Bakker', 'Visser', 'Okafor', 'Okonkwo', 'Mensah',
  'Haddad', 'Khoury', 'Nasser', 'Rahimi', 'Hosseini', 'Ahmadi', 'Karimi', 'Smith-Jones', 'Taylor-Brown', 'Bell',
  'Cook', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Howard', 'Cox', 'Ward', 'Richardson', 'Watson',
  'Brooks', 'Wood', 'James', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Foster', 'Powell',
];
