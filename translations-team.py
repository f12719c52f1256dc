# Translations of Rapport's team-mode strings.
PL_LONG = ("The records stay in this file, and what you change from now on stays on this "
           "desktop. %u change was not sent to the team yet and never will be.")

T = {
    "ko": {
        "%s · last at %s": "%s · 마지막 동기화 %s",
        PL_LONG: ["레코드는 이 파일에 그대로 남고, 지금부터 바꾸는 내용은 이 데스크톱에만 남습니다. 변경 %u개는 아직 팀에 보내지 않았으며 앞으로도 보내지 않습니다."],
        "The records stay in this file, and what you change from now on stays on this desktop.":
            "레코드는 이 파일에 그대로 남고, 지금부터 바꾸는 내용은 이 데스크톱에만 남습니다.",
        "Leave the Team?": "팀을 떠날까요?",
        "_Leave Team": "팀 떠나기(_L)",
        "Rapport team password for %s": "%s 님의 Rapport 팀 암호",
        "Working as %s. Not synced yet.": "%s 님으로 작업하고 있습니다. 아직 동기화하지 않았습니다.",
        "Working as %s. Last synced at %s.": "%s 님으로 작업하고 있습니다. 마지막으로 %s에 동기화했습니다.",
        "Syncing…": "동기화 중…",
        "Synced": "동기화됨",
        "Synced, %u change waiting": ["동기화됨, 변경 %u개 대기 중"],
        "Offline": "오프라인",
        "Offline, %u change waiting": ["오프라인, 변경 %u개 대기 중"],
        "Sync failed": "동기화 실패",
        "The connection to the team’s server was lost: %s": "팀 서버와의 연결이 끊어졌습니다: %s",
        "Team": "팀",
        "Join a Team": "팀 참가",
        "Keep this desktop in step with your team through its PostgreSQL server. Everyone keeps working offline; changes travel when the server can be reached. Your manager gives you the server’s address, your user name and a first password.":
            "팀의 PostgreSQL 서버를 통해 이 데스크톱을 팀과 맞춰 둡니다. 모두 오프라인으로 계속 작업할 수 있고, 변경 내용은 서버에 연결할 수 있을 때 오갑니다. 서버 주소, 사용자 이름, 처음 암호는 관리자가 알려 줍니다.",
        "_Server, as host/database": "서버, 호스트/데이터베이스 형식(_S)",
        "_User Name": "사용자 이름(_U)",
        "_Password": "암호(_P)",
        "Joining the team and exchanging its records…": "팀에 참가하고 레코드를 주고받는 중…",
        "Progress of the join": "참가 진행 상황",
        "_Join Team": "팀 참가(_J)",
        "This desktop sends its changes to the team’s server and receives the others’ as they are made. The password is kept in your keyring.":
            "이 데스크톱은 변경 내용을 팀 서버로 보내고, 다른 사람의 변경 내용은 생기는 대로 받습니다. 암호는 키 모음에 보관됩니다.",
        "Server": "서버",
        "User Name": "사용자 이름",
        "Sync _Now": "지금 동기화(_N)",
        "_Leave Team…": "팀 떠나기(_L)…",
        "Team Status": "팀 상태",
        "Team _Settings": "팀 설정(_S)",
    },
    "bg": {
        "%s · last at %s": "%s · последно в %s",
        PL_LONG: [
            "Записите остават в този файл, а това, което промените оттук нататък, остава на този компютър. %u промяна все още не е изпратена на екипа и никога няма да бъде.",
            "Записите остават в този файл, а това, което промените оттук нататък, остава на този компютър. %u промени все още не са изпратени на екипа и никога няма да бъдат.",
        ],
        "The records stay in this file, and what you change from now on stays on this desktop.":
            "Записите остават в този файл, а това, което промените оттук нататък, остава на този компютър.",
        "Leave the Team?": "Напускане на екипа?",
        "_Leave Team": "_Напускане на екипа",
        "Rapport team password for %s": "Парола за екипа в Rapport на %s",
        "Working as %s. Not synced yet.": "Работите като %s. Все още няма синхронизация.",
        "Working as %s. Last synced at %s.": "Работите като %s. Последна синхронизация в %s.",
        "Syncing…": "Синхронизиране…",
        "Synced": "Синхронизирано",
        "Synced, %u change waiting": ["Синхронизирано, %u промяна чака", "Синхронизирано, %u промени чакат"],
        "Offline": "Без връзка",
        "Offline, %u change waiting": ["Без връзка, %u промяна чака", "Без връзка, %u промени чакат"],
        "Sync failed": "Неуспешна синхронизация",
        "The connection to the team’s server was lost: %s": "Връзката със сървъра на екипа беше прекъсната: %s",
        "Team": "Екип",
        "Join a Team": "Присъединяване към екип",
        "Keep this desktop in step with your team through its PostgreSQL server. Everyone keeps working offline; changes travel when the server can be reached. Your manager gives you the server’s address, your user name and a first password.":
            "Поддържайте този компютър в синхрон с екипа си чрез неговия сървър PostgreSQL. Всички продължават да работят без връзка; промените се пренасят, когато сървърът е достъпен. Мениджърът ви дава адреса на сървъра, потребителското ви име и първоначална парола.",
        "_Server, as host/database": "_Сървър, като хост/база данни",
        "_User Name": "_Потребителско име",
        "_Password": "_Парола",
        "Joining the team and exchanging its records…": "Присъединяване към екипа и обмен на записите му…",
        "Progress of the join": "Напредък на присъединяването",
        "_Join Team": "_Присъединяване към екипа",
        "This desktop sends its changes to the team’s server and receives the others’ as they are made. The password is kept in your keyring.":
            "Този компютър изпраща промените си на сървъра на екипа и получава тези на останалите веднага щом бъдат направени. Паролата се пази във вашия ключодържател.",
        "Server": "Сървър",
        "User Name": "Потребителско име",
        "Sync _Now": "Синхронизиране _сега",
        "_Leave Team…": "_Напускане на екипа…",
        "Team Status": "Състояние на екипа",
        "Team _Settings": "_Настройки на екипа",
    },
    "zh_CN": {
        "%s · last at %s": "%s · 上次同步于 %s",
        PL_LONG: ["记录保留在此文件中，从现在起所做的更改只留在此桌面上。有 %u 项更改尚未发送给团队，今后也不会再发送。"],
        "The records stay in this file, and what you change from now on stays on this desktop.":
            "记录保留在此文件中，从现在起所做的更改只留在此桌面上。",
        "Leave the Team?": "离开团队？",
        "_Leave Team": "离开团队(_L)",
        "Rapport team password for %s": "%s 的 Rapport 团队密码",
        "Working as %s. Not synced yet.": "正以 %s 的身份工作。尚未同步。",
        "Working as %s. Last synced at %s.": "正以 %s 的身份工作。上次同步于 %s。",
        "Syncing…": "正在同步…",
        "Synced": "已同步",
        "Synced, %u change waiting": ["已同步，%u 项更改等待中"],
        "Offline": "离线",
        "Offline, %u change waiting": ["离线，%u 项更改等待中"],
        "Sync failed": "同步失败",
        "The connection to the team’s server was lost: %s": "与团队服务器的连接已断开：%s",
        "Team": "团队",
        "Join a Team": "加入团队",
        "Keep this desktop in step with your team through its PostgreSQL server. Everyone keeps working offline; changes travel when the server can be reached. Your manager gives you the server’s address, your user name and a first password.":
            "通过团队的 PostgreSQL 服务器让此桌面与团队保持同步。每个人都可以继续离线工作；能连上服务器时，更改就会传送过去。服务器地址、您的用户名和初始密码由您的经理提供。",
        "_Server, as host/database": "服务器，格式为 主机/数据库(_S)",
        "_User Name": "用户名(_U)",
        "_Password": "密码(_P)",
        "Joining the team and exchanging its records…": "正在加入团队并交换记录…",
        "Progress of the join": "加入进度",
        "_Join Team": "加入团队(_J)",
        "This desktop sends its changes to the team’s server and receives the others’ as they are made. The password is kept in your keyring.":
            "此桌面会将自己的更改发送到团队服务器，并在其他人做出更改时随即接收。密码保存在您的密钥环中。",
        "Server": "服务器",
        "User Name": "用户名",
        "Sync _Now": "立即同步(_N)",
        "_Leave Team…": "离开团队(_L)…",
        "Team Status": "团队状态",
        "Team _Settings": "团队设置(_S)",
    },
    "he": {
        "%s · last at %s": "%s · לאחרונה ב־%s",
        PL_LONG: [
            "הרשומות נשארות בקובץ זה, והשינויים שייעשו מעתה יישארו במחשב זה. שינוי %u עדיין לא נשלח לצוות ולעולם לא יישלח.",
            "הרשומות נשארות בקובץ זה, והשינויים שייעשו מעתה יישארו במחשב זה. %u שינויים עדיין לא נשלחו לצוות ולעולם לא יישלחו.",
            "הרשומות נשארות בקובץ זה, והשינויים שייעשו מעתה יישארו במחשב זה. %u שינויים עדיין לא נשלחו לצוות ולעולם לא יישלחו.",
        ],
        "The records stay in this file, and what you change from now on stays on this desktop.":
            "הרשומות נשארות בקובץ זה, והשינויים שייעשו מעתה יישארו במחשב זה.",
        "Leave the Team?": "לעזוב את הצוות?",
        "_Leave Team": "_עזיבת הצוות",
        "Rapport team password for %s": "סיסמת הצוות של Rapport עבור %s",
        "Working as %s. Not synced yet.": "עבודה בתור %s. טרם בוצע סנכרון.",
        "Working as %s. Last synced at %s.": "עבודה בתור %s. הסנכרון האחרון ב־%s.",
        "Syncing…": "מתבצע סנכרון…",
        "Synced": "מסונכרן",
        "Synced, %u change waiting": ["מסונכרן, שינוי %u ממתין", "מסונכרן, %u שינויים ממתינים", "מסונכרן, %u שינויים ממתינים"],
        "Offline": "לא מקוון",
        "Offline, %u change waiting": ["לא מקוון, שינוי %u ממתין", "לא מקוון, %u שינויים ממתינים", "לא מקוון, %u שינויים ממתינים"],
        "Sync failed": "הסנכרון נכשל",
        "The connection to the team’s server was lost: %s": "החיבור לשרת הצוות נותק: %s",
        "Team": "צוות",
        "Join a Team": "הצטרפות לצוות",
        "Keep this desktop in step with your team through its PostgreSQL server. Everyone keeps working offline; changes travel when the server can be reached. Your manager gives you the server’s address, your user name and a first password.":
            "שמירה על מחשב זה מתואם עם הצוות דרך שרת ה־PostgreSQL שלו. כולם ממשיכים לעבוד במצב לא מקוון; השינויים עוברים כשאפשר להגיע לשרת. המנהל שלך מספק את כתובת השרת, את שם המשתמש שלך וסיסמה ראשונה.",
        "_Server, as host/database": "_שרת, בתבנית מארח/מסד נתונים",
        "_User Name": "_שם משתמש",
        "_Password": "_סיסמה",
        "Joining the team and exchanging its records…": "מתבצעת הצטרפות לצוות והחלפת הרשומות שלו…",
        "Progress of the join": "התקדמות ההצטרפות",
        "_Join Team": "_הצטרפות לצוות",
        "This desktop sends its changes to the team’s server and receives the others’ as they are made. The password is kept in your keyring.":
            "מחשב זה שולח את השינויים שלו לשרת הצוות ומקבל את אלה של האחרים ברגע שהם נעשים. הסיסמה נשמרת בצרור המפתחות שלך.",
        "Server": "שרת",
        "User Name": "שם משתמש",
        "Sync _Now": "_סנכרון כעת",
        "_Leave Team…": "_עזיבת הצוות…",
        "Team Status": "מצב הצוות",
        "Team _Settings": "_הגדרות הצוות",
    },
}

# Added with the new-password row of the Team page.
_more = {
    "ko": {
        "New _Password, if yours changed": "새 암호(_P), 암호가 바뀐 경우",
        "The new password is kept in your keyring.": "새 암호를 키 모음에 보관했습니다.",
    },
    "bg": {
        "New _Password, if yours changed": "Нова _парола, ако вашата е сменена",
        "The new password is kept in your keyring.": "Новата парола се пази във вашия ключодържател.",
    },
    "zh_CN": {
        "New _Password, if yours changed": "新密码(_P)（如果您的密码已更改）",
        "The new password is kept in your keyring.": "新密码已保存在您的密钥环中。",
    },
    "he": {
        "New _Password, if yours changed": "_סיסמה חדשה, אם שלך השתנתה",
        "The new password is kept in your keyring.": "הסיסמה החדשה נשמרת בצרור המפתחות שלך.",
    },
}
for _lang, _table in _more.items():
    T[_lang].update(_table)

# A refused password.
_refused = "The team’s server did not take your password: give it again on the Team page of Preferences, or in PGPASSWORD. (%s)"
T["ko"][_refused] = "팀 서버가 암호를 받아들이지 않았습니다: 기본 설정의 팀 페이지나 PGPASSWORD에 다시 입력하십시오. (%s)"
T["bg"][_refused] = "Сървърът на екипа не прие паролата ви: въведете я отново в страницата „Екип“ на Настройките или в PGPASSWORD. (%s)"
T["zh_CN"][_refused] = "团队服务器未接受您的密码：请在首选项的团队页面或 PGPASSWORD 中重新提供。(%s)"
T["he"][_refused] = "שרת הצוות לא קיבל את הסיסמה שלך: יש להזין אותה שוב בעמוד „צוות” שבהעדפות, או ב־PGPASSWORD. (%s)"

_not_changed = "“%s” was not changed: %s"
T["ko"][_not_changed] = "“%s”은(는) 바뀌지 않았습니다: %s"
T["bg"][_not_changed] = "„%s“ не беше променено: %s"
T["zh_CN"][_not_changed] = "“%s”未被更改：%s"
T["he"][_not_changed] = "„%s” לא שונה: %s"
