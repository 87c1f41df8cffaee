<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>ActivityNames</name>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="8"/>
        <source>Chatt</source>
        <translation>Chatt</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="9"/>
        <source>Bildgenerering</source>
        <translation>Bildgenerering</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="10"/>
        <source>Ny sida</source>
        <translation>Ny sida</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="11"/>
        <source>Redigerad sektion</source>
        <translation>Redigerad sektion</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="12"/>
        <source>Publicering</source>
        <translation>Publicering</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../models/apierror.cpp" line="9"/>
        <source>Kan inte nå Kliv. Kontrollera internetanslutningen och försök igen.</source>
        <translation>Kan inte nå Kliv. Kontrollera internetanslutningen och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="10"/>
        <source>Kliv svarade inte i tid. Försök igen om en stund.</source>
        <translation>Kliv svarade inte i tid. Försök igen om en stund.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="11"/>
        <source>Du är utloggad. Logga in igen.</source>
        <translation>Du är utloggad. Logga in igen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="12"/>
        <source>Du har inte behörighet till det här.</source>
        <translation>Du har inte behörighet till det här.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="13"/>
        <source>Det här finns inte längre.</source>
        <translation>Det här finns inte längre.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="14"/>
        <source>Det finns inte tillräckligt med krediter.</source>
        <translation>Det finns inte tillräckligt med krediter.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="15"/>
        <source>Du har nått din gräns för den här perioden. Be en administratör höja gränsen.</source>
        <translation>Du har nått din gräns för den här perioden. Be en administratör höja gränsen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="16"/>
        <source>Ändringen gick inte att göra just nu. Uppdatera och försök igen.</source>
        <translation>Ändringen gick inte att göra just nu. Uppdatera och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="17"/>
        <source>Arbetsytan har inga lediga platser för fler teammedlemmar.</source>
        <translation>Arbetsytan har inga lediga platser för fler teammedlemmar.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="18"/>
        <source>Den senaste betalningen misslyckades. Uppdatera betalningsmetoden först.</source>
        <translation>Den senaste betalningen misslyckades. Uppdatera betalningsmetoden först.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="19"/>
        <source>Betalningar är inte tillgängliga just nu. Försök igen senare.</source>
        <translation>Betalningar är inte tillgängliga just nu. Försök igen senare.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="20"/>
        <source>Kortet nekades. Uppdatera betalningsmetoden och försök igen.</source>
        <translation>Kortet nekades. Uppdatera betalningsmetoden och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="21"/>
        <source>Den här planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.</source>
        <translation>Den här planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="22"/>
        <source>Betaltjänsten svarade inte som väntat. Försök igen senare.</source>
        <translation>Betaltjänsten svarade inte som väntat. Försök igen senare.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="23"/>
        <source>Uppgifterna är inte giltiga. Kontrollera dem och försök igen.</source>
        <translation>Uppgifterna är inte giltiga. Kontrollera dem och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="24"/>
        <source>För många förfrågningar. Vänta en stund och försök igen.</source>
        <translation>För många förfrågningar. Vänta en stund och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="25"/>
        <source>Något gick fel hos Kliv. Försök igen om en stund.</source>
        <translation>Något gick fel hos Kliv. Försök igen om en stund.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="26"/>
        <source>Kliv skickade ett svar som inte gick att läsa. Försök igen om en stund.</source>
        <translation>Kliv skickade ett svar som inte gick att läsa. Försök igen om en stund.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="27"/>
        <source>Nyckelringen går inte att använda.</source>
        <translation>Nyckelringen går inte att använda.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="28"/>
        <source>Inloggningen misslyckades. Försök igen.</source>
        <translation>Inloggningen misslyckades. Försök igen.</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="19"/>
        <source>Planbyte begärt</source>
        <translation>Planbyte begärt</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="20"/>
        <source>Plan ändrad</source>
        <translation>Plan ändrad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="21"/>
        <source>Planbyte misslyckades</source>
        <translation>Planbyte misslyckades</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="22"/>
        <source>Planbyte ångrat</source>
        <translation>Planbyte ångrat</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="23"/>
        <source>Uppsägning</source>
        <translation>Uppsägning</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="24"/>
        <source>Uppsägning ångrad</source>
        <translation>Uppsägning ångrad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="25"/>
        <source>Betalning misslyckades</source>
        <translation>Betalning misslyckades</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="26"/>
        <source>Prenumeration avslutad</source>
        <translation>Prenumeration avslutad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="27"/>
        <source>Medlem inbjuden</source>
        <translation>Medlem inbjuden</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="28"/>
        <source>Medlem borttagen</source>
        <translation>Medlem borttagen</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="29"/>
        <source>Roll ändrad</source>
        <translation>Roll ändrad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="30"/>
        <source>Gräns ändrad</source>
        <translation>Gräns ändrad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="31"/>
        <source>Ägarskap överlåtet</source>
        <translation>Ägarskap överlåtet</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="32"/>
        <source>Roll skapad</source>
        <translation>Roll skapad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="33"/>
        <source>Roll redigerad</source>
        <translation>Roll redigerad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="34"/>
        <source>Roll borttagen</source>
        <translation>Roll borttagen</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="35"/>
        <source>SSO-inställningar ändrade</source>
        <translation>SSO-inställningar ändrade</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="36"/>
        <source>SSO-inloggning nekad</source>
        <translation>SSO-inloggning nekad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="77"/>
        <source>Alla händelser</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="89"/>
        <source>Bjöd in %1 som %2</source>
        <translation>Bjöd in %1 som %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="91"/>
        <source>Tog bort %1 (%2)</source>
        <translation>Tog bort %1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="93"/>
        <source>Ändrade rollen för %1: %2 → %3</source>
        <translation>Ändrade rollen för %1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="97"/>
        <source>ingen gräns</source>
        <translation>ingen gräns</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="99"/>
        <source>Ändrade gränsen för %1: %2 → %3</source>
        <translation>Ändrade gränsen för %1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="102"/>
        <source>Lämnade över ägarskapet: %1 → %2</source>
        <translation>Lämnade över ägarskapet: %1 → %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="105"/>
        <source>Skapade rollen %1 med %n behörigheter</source>
        <translation>
            <numerusform>Skapade rollen %1 med %n behörighet</numerusform>
            <numerusform>Skapade rollen %1 med %n behörigheter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="110"/>
        <source>Ändrade rollen %1: nu %n behörigheter</source>
        <translation>
            <numerusform>Ändrade rollen %1: nu %n behörighet</numerusform>
            <numerusform>Ändrade rollen %1: nu %n behörigheter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="111"/>
        <source>Döpte om rollen %1 till %2 (%n behörigheter)</source>
        <translation>
            <numerusform>Döpte om rollen %1 till %2 (%n behörighet)</numerusform>
            <numerusform>Döpte om rollen %1 till %2 (%n behörigheter)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="114"/>
        <source>Tog bort rollen %1</source>
        <translation>Tog bort rollen %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="119"/>
        <source>domän %1</source>
        <translation>domän %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="121"/>
        <source>domänen verifierad</source>
        <translation>domänen verifierad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="121"/>
        <source>domänen overifierad</source>
        <translation>domänen overifierad</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="123"/>
        <source>identitetsleverantör %1</source>
        <translation>identitetsleverantör %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="125"/>
        <source>SSO krävs</source>
        <translation>SSO krävs</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="125"/>
        <source>SSO krävs inte</source>
        <translation>SSO krävs inte</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="127"/>
        <source>roll för nya medlemmar %1</source>
        <translation>roll för nya medlemmar %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="129"/>
        <source>nödkonto ändrat</source>
        <translation>nödkonto ändrat</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="130"/>
        <source>Ändrade SSO-inställningarna</source>
        <translation>Ändrade SSO-inställningarna</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="130"/>
        <source>Ändrade SSO-inställningarna: %1</source>
        <translation>Ändrade SSO-inställningarna: %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="133"/>
        <source>En inloggning med SSO nekades: %1</source>
        <translation>En inloggning med SSO nekades: %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="136"/>
        <source>Begärde planbyte: %1 → %2</source>
        <translation>Begärde planbyte: %1 → %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="137"/>
        <source>Begärde planbyte: %1 → %2 den %3</source>
        <translation>Begärde planbyte: %1 → %2 den %3</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="140"/>
        <source>Planen ändrades: %1 → %2</source>
        <translation>Planen ändrades: %1 → %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="143"/>
        <source>Planbytet %1 → %2 genomfördes inte: betalningen nekades</source>
        <translation>Planbytet %1 → %2 genomfördes inte: betalningen nekades</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="144"/>
        <source>Planbytet %1 → %2 genomfördes inte</source>
        <translation>Planbytet %1 → %2 genomfördes inte</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="146"/>
        <source>Ångrade planbytet till %1</source>
        <translation>Ångrade planbytet till %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="148"/>
        <source>Sade upp %1: övergår till Gratis den %2</source>
        <translation>Sade upp %1: övergår till Gratis den %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="150"/>
        <source>Ångrade uppsägningen av %1</source>
        <translation>Ångrade uppsägningen av %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="152"/>
        <source>Betalningen för %1 misslyckades</source>
        <translation>Betalningen för %1 misslyckades</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="154"/>
        <source>Prenumerationen avslutades: %1 → %2</source>
        <translation>Prenumerationen avslutades: %1 → %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="163"/>
        <source>Kliv (%1)</source>
        <translation>Kliv (%1)</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="164"/>
        <source>Automatiskt</source>
        <translation>Automatiskt</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="300"/>
        <source>Händelseloggen är sparad i %1.</source>
        <translation>Händelseloggen är sparad i %1.</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="12"/>
        <location filename="../qml/pages/AuditLogPage.qml" line="145"/>
        <source>Händelselogg</source>
        <translation>Händelselogg</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="13"/>
        <source>Vem ändrade vad i arbetsytan, och när.</source>
        <translation>Vem ändrade vad i arbetsytan, och när.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="26"/>
        <source>Bara ägare och administratörer ser händelseloggen.</source>
        <translation>Bara ägare och administratörer ser händelseloggen.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="41"/>
        <source>Visa händelser: %1</source>
        <translation>Visa händelser: %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="50"/>
        <source>Alla medlemmar</source>
        <translation>Alla medlemmar</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="57"/>
        <source>Gjort av: %1</source>
        <translation>Gjort av: %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="76"/>
        <source>Exportera CSV</source>
        <translation>Exportera CSV</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="121"/>
        <source>Inga händelser med det här urvalet.</source>
        <translation>Inga händelser med det här urvalet.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="121"/>
        <source>Inga händelser ännu.</source>
        <translation>Inga händelser ännu.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="130"/>
        <source>När</source>
        <translation>När</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="131"/>
        <source>Vem</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="132"/>
        <source>Händelse</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="133"/>
        <source>Vad</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="156"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="173"/>
        <source>Visa fler</source>
        <translation>Visa fler</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="182"/>
        <source>Exportera händelseloggen som CSV</source>
        <translation>Exportera händelseloggen som CSV</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="184"/>
        <source>Spara</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="186"/>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../models/autostart.cpp" line="61"/>
        <source>Kunde inte skapa mappen %1.</source>
        <translation>Kunde inte skapa mappen %1.</translation>
    </message>
    <message>
        <location filename="../models/autostart.cpp" line="67"/>
        <source>Kunde inte spara %1: %2</source>
        <translation>Kunde inte spara %1: %2</translation>
    </message>
    <message>
        <location filename="../models/autostart.cpp" line="80"/>
        <source>Kunde inte ta bort %1: %2</source>
        <translation>Kunde inte ta bort %1: %2</translation>
    </message>
</context>
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="25"/>
        <source>Bara ägare och administratörer kan ångra ändringen.</source>
        <translation>Bara ägare och administratörer kan ångra ändringen.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="32"/>
        <source>Betalningen för din prenumeration misslyckades. Uppdatera betalningsmetoden så att du behåller %1.</source>
        <translation>Betalningen för din prenumeration misslyckades. Uppdatera betalningsmetoden så att du behåller %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="33"/>
        <source>Betalningen för prenumerationen misslyckades. Be en ägare eller administratör att uppdatera betalningsmetoden.</source>
        <translation>Betalningen för prenumerationen misslyckades. Be en ägare eller administratör att uppdatera betalningsmetoden.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="34"/>
        <source>Uppdatera betalningsmetod</source>
        <translation>Uppdatera betalningsmetod</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="44"/>
        <source>Betala fakturan</source>
        <translation>Betala fakturan</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="58"/>
        <source>Prenumerationen avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis.</source>
        <translation>Prenumerationen avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="68"/>
        <source>Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.</source>
        <translation>Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="90"/>
        <source>Stäng</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="60"/>
        <location filename="../qml/pages/BannerArea.qml" line="70"/>
        <source>Ångra</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="78"/>
        <source>Ingen kontakt med servern. Uppgifterna är från %1.</source>
        <translation>Ingen kontakt med servern. Uppgifterna är från %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="80"/>
        <source>Försök igen</source>
        <translation>Försök igen</translation>
    </message>
</context>
<context>
    <name>BillingPage</name>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="9"/>
        <source>Fakturering</source>
        <translation>Fakturering</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="10"/>
        <source>Betalningar hanteras av Stripe. Kliv tar aldrig emot eller lagrar dina kortuppgifter.</source>
        <translation>Betalningar hanteras av Stripe. Kliv tar aldrig emot eller lagrar dina kortuppgifter.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="31"/>
        <source>Bara ägare och administratörer ser fakturor och betalningsmetoder.</source>
        <translation>Bara ägare och administratörer ser fakturor och betalningsmetoder.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="42"/>
        <source>Prenumeration</source>
        <translation>Prenumeration</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="48"/>
        <source>Betalning misslyckades</source>
        <translation>Betalning misslyckades</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="53"/>
        <source>Avslutas</source>
        <translation>Avslutas</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="60"/>
        <source>Prenumerationen avslutas den %1.</source>
        <translation>Prenumerationen avslutas den %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="61"/>
        <source>Nästa faktureringscykel börjar den %1.</source>
        <translation>Nästa faktureringscykel börjar den %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="67"/>
        <source>Uppdatera betalningsmetod</source>
        <translation>Uppdatera betalningsmetod</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="67"/>
        <source>Hantera betalningsmetoder</source>
        <translation>Hantera betalningsmetoder</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="100"/>
        <location filename="../qml/pages/BillingPage.qml" line="144"/>
        <source>Faktureringshistorik</source>
        <translation>Faktureringshistorik</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="113"/>
        <source>Inga fakturor ännu.</source>
        <translation>Inga fakturor ännu.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="128"/>
        <source>Faktura</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="129"/>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="130"/>
        <source>Avser</source>
        <translation>Avser</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="131"/>
        <source>Belopp</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="132"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="159"/>
        <source>Faktura %1, %2, %3, %4, %5</source>
        <translation>Faktura %1, %2, %3, %4, %5</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="196"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="197"/>
        <source>Ladda ner faktura %1 som PDF</source>
        <translation>Ladda ner faktura %1 som PDF</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="190"/>
        <source>Öppna</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="191"/>
        <source>Öppna faktura %1</source>
        <translation>Öppna faktura %1</translation>
    </message>
</context>
<context>
    <name>ContactSalesDialog</name>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="15"/>
        <source>Kontakta säljteamet</source>
        <translation>Kontakta säljteamet</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="23"/>
        <source>Berätta om era behov, så hör säljteamet av sig om Enterprise: SAML-inloggning, anpassade roller och dedikerade driftmiljöer.</source>
        <translation>Berätta om era behov, så hör säljteamet av sig om Enterprise: SAML-inloggning, anpassade roller och dedikerade driftmiljöer.</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="27"/>
        <location filename="../qml/components/ContactSalesDialog.qml" line="28"/>
        <source>E-post eller telefon</source>
        <translation>E-post eller telefon</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="29"/>
        <location filename="../qml/components/ContactSalesDialog.qml" line="30"/>
        <source>Ungefärligt antal användare</source>
        <translation>Ungefärligt antal användare</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="31"/>
        <location filename="../qml/components/ContactSalesDialog.qml" line="37"/>
        <source>Meddelande</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="51"/>
        <source>Skicka</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="56"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>CopyLinkRow</name>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="10"/>
        <source>Webbläsaren kunde inte öppnas. Öppna länken själv:</source>
        <translation>Webbläsaren kunde inte öppnas. Öppna länken själv:</translation>
    </message>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="34"/>
        <source>Länk</source>
        <translation>Länk</translation>
    </message>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="39"/>
        <source>Kopierad</source>
        <translation>Kopierad</translation>
    </message>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="39"/>
        <source>Kopiera länk</source>
        <translation>Kopiera länk</translation>
    </message>
</context>
<context>
    <name>CreditMeter</name>
    <message>
        <location filename="../models/creditmeter.cpp" line="234"/>
        <source>övergår till %1 %2</source>
        <translation>övergår till %1 %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="236"/>
        <source>%1 från %2</source>
        <translation>%1 från %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="239"/>
        <source>fylls på %1</source>
        <translation>fylls på %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="240"/>
        <source>återställs %1</source>
        <translation>återställs %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="249"/>
        <source>%1 av %2 krediter · senast uppdaterad %3</source>
        <translation>%1 av %2 krediter · senast uppdaterad %3</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="252"/>
        <source>Månadens %1 krediter är använda · nya %2</source>
        <translation>Månadens %1 krediter är använda · nya %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="256"/>
        <source>%1 av %2 krediter i dag · %3</source>
        <translation>%1 av %2 krediter i dag · %3</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="257"/>
        <source>%1 av %2 krediter · %3</source>
        <translation>%1 av %2 krediter · %3</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="265"/>
        <source>Din gräns: %1 av %2 krediter</source>
        <translation>Din gräns: %1 av %2 krediter</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="283"/>
        <source>Räcker till periodens slut %1</source>
        <translation>Räcker till periodens slut %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="284"/>
        <source>Räcker till återställningen %1</source>
        <translation>Räcker till återställningen %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="287"/>
        <source>Räcker till ca kl. %1 i&#xa0;dag</source>
        <translation>Räcker till ca kl. %1 i&#xa0;dag</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="288"/>
        <source>Räcker till ca %1</source>
        <translation>Räcker till ca %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="300"/>
        <source>Månadens %1 krediter räcker månaden ut</source>
        <translation>Månadens %1 krediter räcker månaden ut</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="301"/>
        <source>Månadens %1 krediter räcker till ca %2</source>
        <translation>Månadens %1 krediter räcker till ca %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="304"/>
        <source>Dagens krediter är slut</source>
        <translation>Dagens krediter är slut</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="306"/>
        <source>Dagens krediter räcker i&#xa0;dag</source>
        <translation>Dagens krediter räcker i&#xa0;dag</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="308"/>
        <source>Dagens krediter räcker till ca kl. %1</source>
        <translation>Dagens krediter räcker till ca kl. %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="309"/>
        <source>månadens %1 räcker månaden ut</source>
        <translation>månadens %1 räcker månaden ut</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="310"/>
        <source>månadens %1 räcker till ca %2</source>
        <translation>månadens %1 räcker till ca %2</translation>
    </message>
</context>
<context>
    <name>CreditMeterButton</name>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="23"/>
        <source>Be en ägare eller administratör om fler krediter</source>
        <translation>Be en ägare eller administratör om fler krediter</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="29"/>
        <source>Inte uppdaterad</source>
        <translation>Inte uppdaterad</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="31"/>
        <source>Snart slut</source>
        <translation>Snart slut</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="33"/>
        <source>Slut</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="35"/>
        <source>Månadens tak nått</source>
        <translation>Månadens tak nått</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="48"/>
        <source>Visar månadens användning</source>
        <translation>Visar månadens användning</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="56"/>
        <source>Visa månadens användning</source>
        <translation>Visa månadens användning</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="82"/>
        <source>Hämtar kreditbalans…</source>
        <translation>Hämtar kreditbalans…</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="100"/>
        <source>Uppgradera</source>
        <translation>Uppgradera</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <location filename="../models/csvexport.cpp" line="25"/>
        <source>Filen %1 gick inte att spara.</source>
        <translation>Filen %1 gick inte att spara.</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <location filename="../qml/components/DailyChart.qml" line="32"/>
        <source>Krediter per dag</source>
        <translation>Krediter per dag</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/DailyChart.qml" line="143"/>
        <source>%1: %n krediter</source>
        <translation>
            <numerusform>%1: %n kredit</numerusform>
            <numerusform>%1: %n krediter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyUsageModel</name>
    <message>
        <location filename="../models/dailyusagemodel.cpp" line="29"/>
        <source>Dag</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../models/dailyusagemodel.cpp" line="29"/>
        <source>Krediter</source>
        <translation>Krediter</translation>
    </message>
    <message>
        <location filename="../models/dailyusagemodel.cpp" line="72"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="76"/>
        <source>Dagens krediter är slut</source>
        <translation>Dagens krediter är slut</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="77"/>
        <source>90 % av dagens krediter är använda</source>
        <translation>90 % av dagens krediter är använda</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="78"/>
        <source>75 % av dagens krediter är använda</source>
        <translation>75 % av dagens krediter är använda</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="81"/>
        <source>Månadens krediter är slut</source>
        <translation>Månadens krediter är slut</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="82"/>
        <source>90 % av månadens krediter är använda</source>
        <translation>90 % av månadens krediter är använda</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="83"/>
        <source>75 % av månadens krediter är använda</source>
        <translation>75 % av månadens krediter är använda</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="85"/>
        <source>Krediterna är slut</source>
        <translation>Krediterna är slut</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="86"/>
        <source>90 % av krediterna är använda</source>
        <translation>90 % av krediterna är använda</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="87"/>
        <source>75 % av krediterna är använda</source>
        <translation>75 % av krediterna är använda</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="99"/>
        <source>%1 av %2 krediter kvar i dag · fylls på %3</source>
        <translation>%1 av %2 krediter kvar i dag · fylls på %3</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="102"/>
        <source>%1 av månadens %2 krediter kvar · nya %3</source>
        <translation>%1 av månadens %2 krediter kvar · nya %3</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="103"/>
        <source>%1 av %2 krediter kvar · återställs %3</source>
        <translation>%1 av %2 krediter kvar · återställs %3</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="125"/>
        <source>Uppgradera</source>
        <translation>Uppgradera</translation>
    </message>
</context>
<context>
    <name>EnterpriseUpsell</name>
    <message>
        <location filename="../qml/components/EnterpriseUpsell.qml" line="32"/>
        <source>Kontakta sälj</source>
        <translation>Kontakta sälj</translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <location filename="../qml/components/EntryList.qml" line="23"/>
        <source>Användningshistorik</source>
        <translation>Användningshistorik</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="39"/>
        <source>Tid</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="40"/>
        <source>Medlem</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="41"/>
        <source>Projekt</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="42"/>
        <source>Aktivitet</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="43"/>
        <source>Krediter</source>
        <translation>Krediter</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/EntryList.qml" line="60"/>
        <source>%1, %2, %3, %4: %n krediter</source>
        <translation>
            <numerusform>%1, %2, %3, %4: %n kredit</numerusform>
            <numerusform>%1, %2, %3, %4: %n krediter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="11"/>
        <source>Ingen användning den här månaden.</source>
        <translation>Ingen användning den här månaden.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../models/format.cpp" line="66"/>
        <source>i&#xa0;dag %1</source>
        <translation>i&#xa0;dag %1</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="68"/>
        <source>i&#xa0;morgon %1</source>
        <translation>i&#xa0;morgon %1</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="74"/>
        <source>%1 kredit</source>
        <translation>%1 kredit</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="75"/>
        <source>%1 krediter</source>
        <translation>%1 krediter</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="81"/>
        <source>Gratis</source>
        <translation>Gratis</translation>
    </message>
</context>
<context>
    <name>InviteForm</name>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="17"/>
        <source>Bjud in en teammedlem</source>
        <translation>Bjud in en teammedlem</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="37"/>
        <location filename="../qml/components/InviteForm.qml" line="38"/>
        <source>E-postadress</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="47"/>
        <source>Namn (valfritt)</source>
        <translation>Namn (valfritt)</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="48"/>
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="59"/>
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="63"/>
        <source>Bjud in</source>
        <translation>Bjud in</translation>
    </message>
</context>
<context>
    <name>InvoiceModel</name>
    <message>
        <location filename="../models/invoicemodel.cpp" line="29"/>
        <source>Betald</source>
        <translation>Betald</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="30"/>
        <source>Obetald</source>
        <translation>Obetald</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="31"/>
        <source>Utkast</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="32"/>
        <source>Ej indrivningsbar</source>
        <translation>Ej indrivningsbar</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="33"/>
        <source>Makulerad</source>
        <translation>Makulerad</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="111"/>
        <source>Fakturan på %1 förföll %2. Krediterna är pausade tills den är betald.</source>
        <translation>Fakturan på %1 förföll %2. Krediterna är pausade tills den är betald.</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="112"/>
        <source>Fakturan på %1 förföll %2. Betala den för att behålla er plan.</source>
        <translation>Fakturan på %1 förföll %2. Betala den för att behålla er plan.</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="121"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="125"/>
        <source>Uppgradering till %1</source>
        <translation>Uppgradering till %1</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="125"/>
        <source>Uppgradering till %1, %2</source>
        <translation>Uppgradering till %1, %2</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="126"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="156"/>
        <source>varav moms %1</source>
        <translation>varav moms %1</translation>
    </message>
</context>
<context>
    <name>LoopbackSignIn</name>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="111"/>
        <source>Sidan finns inte.</source>
        <translation>Sidan finns inte.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="122"/>
        <location filename="../models/loopbacksignin.cpp" line="128"/>
        <source>Inloggningen misslyckades</source>
        <translation>Inloggningen misslyckades</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="123"/>
        <source>Svaret hörde inte till den här inloggningen. Gå tillbaka till Kliv Konto och försök igen.</source>
        <translation>Svaret hörde inte till den här inloggningen. Gå tillbaka till Kliv Konto och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="124"/>
        <source>Inloggningen avbröts: svaret från webbläsaren hörde inte till den här inloggningen.</source>
        <translation>Inloggningen avbröts: svaret från webbläsaren hörde inte till den här inloggningen.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="129"/>
        <source>Gå tillbaka till Kliv Konto och försök igen.</source>
        <translation>Gå tillbaka till Kliv Konto och försök igen.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="130"/>
        <source>Inloggningen avbröts i webbläsaren.</source>
        <translation>Inloggningen avbröts i webbläsaren.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="133"/>
        <source>Du är inloggad</source>
        <translation>Du är inloggad</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="134"/>
        <source>Du är inloggad – gå tillbaka till Kliv Konto.</source>
        <translation>Du är inloggad – gå tillbaka till Kliv Konto.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="19"/>
        <source>Kliv Konto</source>
        <translation>Kliv Konto</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>Översikt</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>Användning</source>
        <translation>Användning</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="28"/>
        <source>Planer</source>
        <translation>Planer</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="29"/>
        <source>Fakturering</source>
        <translation>Fakturering</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="30"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="31"/>
        <source>Inställningar</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="32"/>
        <source>Säkerhet</source>
        <translation>Säkerhet</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="33"/>
        <source>Händelselogg</source>
        <translation>Händelselogg</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="191"/>
        <source>Arbetsyta</source>
        <translation>Arbetsyta</translation>
    </message>
</context>
<context>
    <name>MemberLimitDialog</name>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="26"/>
        <source>Gräns för %1</source>
        <translation>Gräns för %1</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="45"/>
        <source>Hur många krediter %1 får använda per period. Gränsen börjar om varje ny period.</source>
        <translation>Hur många krediter %1 får använda per period. Gränsen börjar om varje ny period.</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="54"/>
        <source>Ingen gräns</source>
        <translation>Ingen gräns</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="62"/>
        <source>Krediter per period</source>
        <translation>Krediter per period</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="68"/>
        <source>krediter per period</source>
        <translation>krediter per period</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="91"/>
        <source>Spara</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="103"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <location filename="../models/membermodel.cpp" line="24"/>
        <source>Ägare</source>
        <translation>Ägare</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="25"/>
        <source>Administratör</source>
        <translation>Administratör</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="26"/>
        <source>Medlem</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="38"/>
        <source>Bara ägare och administratörer kan bjuda in teammedlemmar.</source>
        <translation>Bara ägare och administratörer kan bjuda in teammedlemmar.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="40"/>
        <source>Gratis-planen har plats för högst %1 teammedlemmar. Uppgradera till Pro för att bjuda in fler.</source>
        <translation>Gratis-planen har plats för högst %1 teammedlemmar. Uppgradera till Pro för att bjuda in fler.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="131"/>
        <source>Gränser för medlemmar finns bara på betalda planer.</source>
        <translation>Gränser för medlemmar finns bara på betalda planer.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="133"/>
        <source>Gränsen kan vara högst %1 krediter per period.</source>
        <translation>Gränsen kan vara högst %1 krediter per period.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="161"/>
        <source>Ingen gräns</source>
        <translation>Ingen gräns</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="165"/>
        <source>%1 av %2 krediter</source>
        <translation>%1 av %2 krediter</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="9"/>
        <source>Översikt</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="10"/>
        <source>Välkommen, %1</source>
        <translation>Välkommen, %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="31"/>
        <source>Kreditbalans</source>
        <translation>Kreditbalans</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/OverviewPage.qml" line="51"/>
        <source>av %n krediter</source>
        <translation>
            <numerusform>av %n kredit</numerusform>
            <numerusform>av %n krediter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="76"/>
        <source>Visa användning</source>
        <translation>Visa användning</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="89"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="93"/>
        <source>Betalning misslyckades</source>
        <translation>Betalning misslyckades</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="99"/>
        <source>Avslutas den %1</source>
        <translation>Avslutas den %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="100"/>
        <source>Nästa faktureringscykel börjar den %1</source>
        <translation>Nästa faktureringscykel börjar den %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="107"/>
        <source>Byter till %1 den %2</source>
        <translation>Byter till %1 den %2</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="115"/>
        <source>Jämför planer</source>
        <translation>Jämför planer</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="128"/>
        <source>Teammedlemmar</source>
        <translation>Teammedlemmar</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="131"/>
        <source>%1 av %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="137"/>
        <source>platser används</source>
        <translation>platser används</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="137"/>
        <source>medlemmar, obegränsat antal platser</source>
        <translation>medlemmar, obegränsat antal platser</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="146"/>
        <source>Använda platser</source>
        <translation>Använda platser</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="151"/>
        <source>Hantera team</source>
        <translation>Hantera team</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="151"/>
        <source>Visa team</source>
        <translation>Visa team</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="161"/>
        <source>Krediter per dag, %1</source>
        <translation>Krediter per dag, %1</translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="40"/>
        <source>Uppgradera</source>
        <translation>Uppgradera</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="41"/>
        <source>Nedgradera</source>
        <translation>Nedgradera</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="42"/>
        <source>Avsluta prenumeration</source>
        <translation>Avsluta prenumeration</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="43"/>
        <source>Kontakta säljteamet</source>
        <translation>Kontakta säljteamet</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="45"/>
        <source>Byt till %1</source>
        <translation>Byt till %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="67"/>
        <source>Nuvarande</source>
        <translation>Nuvarande</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="68"/>
        <source>Planerad</source>
        <translation>Planerad</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/PlanCard.qml" line="80"/>
        <source>%n krediter per månad</source>
        <translation>
            <numerusform>%n kredit per månad</numerusform>
            <numerusform>%n krediter per månad</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="82"/>
        <source>%1 krediter per dag, högst %2 i månaden</source>
        <translation>%1 krediter per dag, högst %2 i månaden</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/PlanCard.qml" line="83"/>
        <source>%n krediter per dag</source>
        <translation>
            <numerusform>%n kredit per dag</numerusform>
            <numerusform>%n krediter per dag</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="84"/>
        <source>Kreditbidrag enligt avtal</source>
        <translation>Kreditbidrag enligt avtal</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/PlanCard.qml" line="92"/>
        <source>Upp till %n teammedlemmar</source>
        <translation>
            <numerusform>Upp till %n teammedlem</numerusform>
            <numerusform>Upp till %n teammedlemmar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="93"/>
        <source>Obegränsat antal teammedlemmar</source>
        <translation>Obegränsat antal teammedlemmar</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="101"/>
        <source>Allt i %1, och dessutom:</source>
        <translation>Allt i %1, och dessutom:</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="110"/>
        <source>Samma funktioner som %1.</source>
        <translation>Samma funktioner som %1.</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="142"/>
        <source>Begränsning: %1</source>
        <translation>Begränsning: %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="149"/>
        <source>Börjar gälla den %1</source>
        <translation>Börjar gälla den %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="167"/>
        <source>Ångra</source>
        <translation>Ångra</translation>
    </message>
</context>
<context>
    <name>PlanChangeDialog</name>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="21"/>
        <source>Behåll %1</source>
        <translation>Behåll %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="21"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="31"/>
        <source>Avsluta prenumeration</source>
        <translation>Avsluta prenumeration</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="32"/>
        <source>Nedgradera</source>
        <translation>Nedgradera</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="33"/>
        <source>Uppgradera</source>
        <translation>Uppgradera</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="78"/>
        <source>Att betala i dag: %1</source>
        <translation>Att betala i dag: %1</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../models/planmodel.cpp" line="113"/>
        <source>Alla AI-funktioner</source>
        <translation>Alla AI-funktioner</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="114"/>
        <source>Responsiv design</source>
        <translation>Responsiv design</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="115"/>
        <source>Publicering</source>
        <translation>Publicering</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="116"/>
        <source>Adress på kliv.site</source>
        <translation>Adress på kliv.site</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="118"/>
        <source>Anpassad domän</source>
        <translation>Anpassad domän</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="42"/>
        <source>Priserna är inklusive moms.</source>
        <translation>Priserna är inklusive moms.</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="43"/>
        <source>Priserna är exklusive moms.</source>
        <translation>Priserna är exklusive moms.</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="117"/>
        <source>Märkningen ”Made with Kliv” visas på webbplatsen</source>
        <translation>Märkningen ”Made with Kliv” visas på webbplatsen</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="119"/>
        <source>Utan märkningen ”Made with Kliv”</source>
        <translation>Utan märkningen ”Made with Kliv”</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="120"/>
        <source>Prioriterad hosting</source>
        <translation>Prioriterad hosting</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="121"/>
        <source>Snabbare support</source>
        <translation>Snabbare support</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="122"/>
        <source>Användning per teammedlem</source>
        <translation>Användning per teammedlem</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="123"/>
        <source>Dedikerade driftmiljöer</source>
        <translation>Dedikerade driftmiljöer</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="124"/>
        <source>SAML SSO</source>
        <translation>SAML SSO</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="125"/>
        <source>Egna roller och behörigheter</source>
        <translation>Egna roller och behörigheter</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="126"/>
        <source>Dedikerad support</source>
        <translation>Dedikerad support</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="127"/>
        <source>Betalning mot faktura</source>
        <translation>Betalning mot faktura</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="164"/>
        <source>Enligt avtal</source>
        <translation>Enligt avtal</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="167"/>
        <source>%1/mån</source>
        <translation>%1/mån</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="12"/>
        <source>Planer</source>
        <translation>Planer</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="13"/>
        <source>Din nuvarande plan är %1.</source>
        <translation>Din nuvarande plan är %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="21"/>
        <source>Bara ägare och administratörer kan byta plan.</source>
        <translation>Bara ägare och administratörer kan byta plan.</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="24"/>
        <source>Planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.</source>
        <translation>Planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="108"/>
        <source>Visa kvitto</source>
        <translation>Visa kvitto</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="89"/>
        <source>Kontakta säljteamet</source>
        <translation>Kontakta säljteamet</translation>
    </message>
</context>
<context>
    <name>RoleChangeDialog</name>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="23"/>
        <location filename="../qml/components/RoleChangeDialog.qml" line="48"/>
        <source>Ändra roll</source>
        <translation>Ändra roll</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="31"/>
        <source>%1 blir administratör och kan hantera planen, faktureringen och teamet.</source>
        <translation>%1 blir administratör och kan hantera planen, faktureringen och teamet.</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="33"/>
        <source>%1 blir %2.</source>
        <translation>%1 blir %2.</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="34"/>
        <source>%1 får rollen %2 och det den rollen får göra.</source>
        <translation>%1 får rollen %2 och det den rollen får göra.</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="55"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>RoleEditorDialog</name>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="37"/>
        <source>Ändra rollen %1</source>
        <translation>Ändra rollen %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="37"/>
        <source>Ny roll</source>
        <translation>Ny roll</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="44"/>
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="50"/>
        <source>t.ex. Ekonomi</source>
        <translation>t.ex. Ekonomi</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="51"/>
        <source>Rollens namn</source>
        <translation>Rollens namn</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="54"/>
        <source>Rollen får</source>
        <translation>Rollen får</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="103"/>
        <source>Spara</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="103"/>
        <source>Skapa roll</source>
        <translation>Skapa roll</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="108"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>RoleModel</name>
    <message>
        <location filename="../models/rolemodel.cpp" line="29"/>
        <source>Se sina egna krediter och sin användning</source>
        <translation>Se sina egna krediter och sin användning</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="31"/>
        <source>Se hela teamets användning, per medlem</source>
        <translation>Se hela teamets användning, per medlem</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="33"/>
        <source>Se fakturor och betalningsmetoder</source>
        <translation>Se fakturor och betalningsmetoder</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="35"/>
        <source>Byta och avsluta planen</source>
        <translation>Byta och avsluta planen</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="37"/>
        <source>Bjuda in, ta bort och ändra roller för teammedlemmar</source>
        <translation>Bjuda in, ta bort och ändra roller för teammedlemmar</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/rolemodel.cpp" line="43"/>
        <source>%n teammedlemmar har den här rollen. Ge dem en annan roll först.</source>
        <translation>
            <numerusform>%n teammedlem har den här rollen. Ge den en annan roll först.</numerusform>
            <numerusform>%n teammedlemmar har den här rollen. Ge dem en annan roll först.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="144"/>
        <source>Du har inte den här behörigheten själv och kan därför inte ge den.</source>
        <translation>Du har inte den här behörigheten själv och kan därför inte ge den.</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="165"/>
        <source>Ge ägarrollen och flytta ägarskapet</source>
        <translation>Ge ägarrollen och flytta ägarskapet</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/rolemodel.cpp" line="169"/>
        <source>%n teammedlemmar</source>
        <translation>
            <numerusform>%n teammedlem</numerusform>
            <numerusform>%n teammedlemmar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolesCard</name>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="21"/>
        <source>Roller</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="26"/>
        <source>Ny roll</source>
        <translation>Ny roll</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="35"/>
        <source>Med Enterprise kan ni skapa egna roller utöver Medlem och Administratör, till exempel en ekonomiroll som ser fakturor men inte kan byta plan. Ni väljer själva vad varje roll får göra.</source>
        <translation>Med Enterprise kan ni skapa egna roller utöver Medlem och Administratör, till exempel en ekonomiroll som ser fakturor men inte kan byta plan. Ni väljer själva vad varje roll får göra.</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="64"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="77"/>
        <source>Inbyggd · %1</source>
        <translation>Inbyggd · %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="94"/>
        <source>Inga behörigheter</source>
        <translation>Inga behörigheter</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="101"/>
        <source>Ändra</source>
        <translation>Ändra</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="102"/>
        <source>Ändra %1</source>
        <translation>Ändra %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="107"/>
        <location filename="../qml/components/RolesCard.qml" line="162"/>
        <source>Ta bort</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="108"/>
        <source>Ta bort %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="135"/>
        <source>Ta bort rollen %1</source>
        <translation>Ta bort rollen %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="141"/>
        <source>Rollen försvinner från arbetsytan. Det går bara när ingen teammedlem har den.</source>
        <translation>Rollen försvinner från arbetsytan. Det går bara när ingen teammedlem har den.</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="163"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="13"/>
        <source>Säkerhet</source>
        <translation>Säkerhet</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="14"/>
        <source>Single sign-on (SAML 2.0) för arbetsytans domän.</source>
        <translation>Single sign-on (SAML 2.0) för arbetsytans domän.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="19"/>
        <source>Bara ägare kan ändra inställningarna för single sign-on.</source>
        <translation>Bara ägare kan ändra inställningarna för single sign-on.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="39"/>
        <source>Med single sign-on loggar teamet in med sitt företagskonto (Microsoft Entra ID, Okta, Google Workspace eller annan SAML 2.0-leverantör) i stället för ett eget lösenord. Nya medarbetare får konto automatiskt och den som slutar förlorar åtkomsten när kontot stängs hos er. SSO ingår i Enterprise.</source>
        <translation>Med single sign-on loggar teamet in med sitt företagskonto (Microsoft Entra ID, Okta, Google Workspace eller annan SAML 2.0-leverantör) i stället för ett eget lösenord. Nya medarbetare får konto automatiskt och den som slutar förlorar åtkomsten när kontot stängs hos er. SSO ingår i Enterprise.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="51"/>
        <source>Uppgifter till er identitetsleverantör</source>
        <translation>Uppgifter till er identitetsleverantör</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="53"/>
        <source>Lägg upp Kliv som en SAML-applikation hos er IdP med de här uppgifterna.</source>
        <translation>Lägg upp Kliv som en SAML-applikation hos er IdP med de här uppgifterna.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="83"/>
        <source>Kopierad</source>
        <translation>Kopierad</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="83"/>
        <source>Kopiera</source>
        <translation>Kopiera</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="84"/>
        <source>Kopiera %1</source>
        <translation>Kopiera %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="100"/>
        <source>Identitetsleverantör (IdP)</source>
        <translation>Identitetsleverantör (IdP)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="104"/>
        <source>Ingen IdP är inlagd ännu. Hämta metadata-filen (XML) från er IdP och ladda upp den här.</source>
        <translation>Ingen IdP är inlagd ännu. Hämta metadata-filen (XML) från er IdP och ladda upp den här.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="114"/>
        <source>Entity ID</source>
        <translation>Entity ID</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="116"/>
        <source>Certifikat (SHA-256)</source>
        <translation>Certifikat (SHA-256)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="118"/>
        <source>Giltigt till</source>
        <translation>Giltigt till</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="123"/>
        <source>Ladda upp IdP-metadata</source>
        <translation>Ladda upp IdP-metadata</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="137"/>
        <location filename="../qml/pages/SecurityPage.qml" line="153"/>
        <source>Domän</source>
        <translation>Domän</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="139"/>
        <source>Den som loggar in med en e-postadress i domänen skickas till er IdP. Kliv verifierar att domänen är er innan den används.</source>
        <translation>Den som loggar in med en e-postadress i domänen skickas till er IdP. Kliv verifierar att domänen är er innan den används.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="152"/>
        <source>t.ex. foretaget.se</source>
        <translation>t.ex. foretaget.se</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="159"/>
        <source>Spara</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="180"/>
        <location filename="../qml/pages/SecurityPage.qml" line="194"/>
        <source>Roll för nya medlemmar</source>
        <translation>Roll för nya medlemmar</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="182"/>
        <source>Den som loggar in med SSO för första gången blir medlem med den här rollen.</source>
        <translation>Den som loggar in med SSO för första gången blir medlem med den här rollen.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="212"/>
        <location filename="../qml/pages/SecurityPage.qml" line="244"/>
        <source>Kräv SSO</source>
        <translation>Kräv SSO</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="214"/>
        <source>När SSO krävs kan ingen i domänen logga in med lösenord, utom en ägare som reserv om IdP:n inte svarar.</source>
        <translation>När SSO krävs kan ingen i domänen logga in med lösenord, utom en ägare som reserv om IdP:n inte svarar.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="237"/>
        <source>Reservägarens e-post</source>
        <translation>Reservägarens e-post</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="238"/>
        <source>Reservägare (får logga in med lösenord)</source>
        <translation>Reservägare (får logga in med lösenord)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="264"/>
        <location filename="../qml/pages/SecurityPage.qml" line="273"/>
        <source>Testa inloggningen</source>
        <translation>Testa inloggningen</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="266"/>
        <source>Öppnar en inloggning via er IdP i webbläsaren, utan att något ändras för teamet.</source>
        <translation>Öppnar en inloggning via er IdP i webbläsaren, utan att något ändras för teamet.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="274"/>
        <source>Ladda upp IdP-metadata först.</source>
        <translation>Ladda upp IdP-metadata först.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="289"/>
        <source>Välj IdP-metadata (XML)</source>
        <translation>Välj IdP-metadata (XML)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="290"/>
        <source>SAML-metadata (*.xml)</source>
        <translation>SAML-metadata (*.xml)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="290"/>
        <source>Alla filer (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../models/session.cpp" line="37"/>
        <source>Du har loggats ut eftersom inloggningen avslutades på servern (till exempel utloggning på en annan dator). Logga in igen.</source>
        <translation>Du har loggats ut eftersom inloggningen avslutades på servern (till exempel utloggning på en annan dator). Logga in igen.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="280"/>
        <source>Inloggningen kunde inte startas: ingen lokal port gick att öppna.</source>
        <translation>Inloggningen kunde inte startas: ingen lokal port gick att öppna.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="392"/>
        <source>Du har loggats ut. Logga in igen.</source>
        <translation>Du har loggats ut. Logga in igen.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="437"/>
        <source>Du är inte längre medlem i %1.</source>
        <translation>Du är inte längre medlem i %1.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="439"/>
        <source>Du har inga andra arbetsytor, så du har loggats ut.</source>
        <translation>Du har inga andra arbetsytor, så du har loggats ut.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="521"/>
        <source>arbetsytan</source>
        <translation>arbetsytan</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="9"/>
        <source>Inställningar</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="12"/>
        <source>Ägare</source>
        <translation>Ägare</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="12"/>
        <source>Administratör</source>
        <translation>Administratör</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="12"/>
        <source>Medlem</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="20"/>
        <source>Konto</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="25"/>
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="27"/>
        <source>E-post</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="29"/>
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="33"/>
        <source>Logga ut</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="45"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="47"/>
        <source>Adressen till Klivs faktureringsserver. Ändra den bara om du har fått en annan adress.</source>
        <translation>Adressen till Klivs faktureringsserver. Ändra den bara om du har fått en annan adress.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="58"/>
        <source>Serveradress</source>
        <translation>Serveradress</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="65"/>
        <source>Spara</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="79"/>
        <location filename="../qml/pages/SettingsPage.qml" line="85"/>
        <source>Språk</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="99"/>
        <source>Aviseringar</source>
        <translation>Aviseringar</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="101"/>
        <source>En skrivbordsavisering när en del av krediterna är använd, en gång per period.</source>
        <translation>En skrivbordsavisering när en del av krediterna är använd, en gång per period.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="106"/>
        <source>75 % använt</source>
        <translation>75 % använt</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="107"/>
        <source>90 % använt</source>
        <translation>90 % använt</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="108"/>
        <source>Krediterna är slut</source>
        <translation>Krediterna är slut</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="120"/>
        <source>Skrivbordsaviseringar är inte tillgängliga: ingen aviseringstjänst hittades i skrivbordsmiljön.</source>
        <translation>Skrivbordsaviseringar är inte tillgängliga: ingen aviseringstjänst hittades i skrivbordsmiljön.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="134"/>
        <source>Systemfältet</source>
        <translation>Systemfältet</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="136"/>
        <source>Saldot syns som en ring i systemfältet, med kvarvarande krediter när du håller muspekaren över den.</source>
        <translation>Saldot syns som en ring i systemfältet, med kvarvarande krediter när du håller muspekaren över den.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="142"/>
        <source>Behåll Kliv Konto i systemfältet när fönstret stängs</source>
        <translation>Behåll Kliv Konto i systemfältet när fönstret stängs</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="154"/>
        <source>Starta Kliv Konto vid inloggning</source>
        <translation>Starta Kliv Konto vid inloggning</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="172"/>
        <source>Inget systemfält hittades på skrivbordet: Kliv Konto visas som ett vanligt fönster och avslutas när det stängs.</source>
        <translation>Inget systemfält hittades på skrivbordet: Kliv Konto visas som ett vanligt fönster och avslutas när det stängs.</translation>
    </message>
</context>
<context>
    <name>ShareList</name>
    <message>
        <location filename="../qml/components/ShareList.qml" line="11"/>
        <source>Ingen användning den här månaden.</source>
        <translation>Ingen användning den här månaden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/ShareList.qml" line="42"/>
        <source>%1: %n krediter</source>
        <translation>
            <numerusform>%1: %n kredit</numerusform>
            <numerusform>%1: %n krediter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/ShareList.qml" line="46"/>
        <source>%n krediter</source>
        <translation>
            <numerusform>%n kredit</numerusform>
            <numerusform>%n krediter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInCard</name>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="50"/>
        <source>Kliv Konto</source>
        <translation>Kliv Konto</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="56"/>
        <source>Krediter, planer, fakturor och team för din arbetsyta i Kliv.</source>
        <translation>Krediter, planer, fakturor och team för din arbetsyta i Kliv.</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="66"/>
        <source>Logga in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="75"/>
        <source>Logga in med SSO</source>
        <translation>Logga in med SSO</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="85"/>
        <source>Ange din jobbmejl, så skickas du till ditt företags inloggning.</source>
        <translation>Ange din jobbmejl, så skickas du till ditt företags inloggning.</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="92"/>
        <source>namn@foretaget.se</source>
        <translation>namn@foretaget.se</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="93"/>
        <source>Jobbmejl för SSO</source>
        <translation>Jobbmejl för SSO</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="105"/>
        <source>Fortsätt med SSO</source>
        <translation>Fortsätt med SSO</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="113"/>
        <source>Tillbaka</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="124"/>
        <source>Återställer inloggningen…</source>
        <translation>Återställer inloggningen…</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="135"/>
        <source>Fortsätt inloggningen i webbläsaren…</source>
        <translation>Fortsätt inloggningen i webbläsaren…</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="141"/>
        <source>Öppnades ingen webbläsare? Öppna länken själv:</source>
        <translation>Öppnades ingen webbläsare? Öppna länken själv:</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="148"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/pages/SignInPage.qml" line="24"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>SsoSettings</name>
    <message>
        <location filename="../models/ssosettings.cpp" line="56"/>
        <source>Entity ID (SP)</source>
        <translation>Entity ID (SP)</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="57"/>
        <source>ACS-URL (Assertion Consumer Service)</source>
        <translation>ACS-URL (Assertion Consumer Service)</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="58"/>
        <source>Metadata-URL</source>
        <translation>Metadata-URL</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="71"/>
        <source>Ingen domän angiven.</source>
        <translation>Ingen domän angiven.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="72"/>
        <source>Verifierad</source>
        <translation>Verifierad</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="72"/>
        <source>Väntar på verifiering av Kliv</source>
        <translation>Väntar på verifiering av Kliv</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="100"/>
        <source>Single sign-on ingår i Enterprise.</source>
        <translation>Single sign-on ingår i Enterprise.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="102"/>
        <source>Bara ägare kan ändra inställningarna för single sign-on.</source>
        <translation>Bara ägare kan ändra inställningarna för single sign-on.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="104"/>
        <source>Ladda upp IdP-metadata först.</source>
        <translation>Ladda upp IdP-metadata först.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="106"/>
        <source>Ange domänen först.</source>
        <translation>Ange domänen först.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="108"/>
        <source>Domänen måste vara verifierad av Kliv innan SSO kan krävas.</source>
        <translation>Domänen måste vara verifierad av Kliv innan SSO kan krävas.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="139"/>
        <source>Domänen används redan av en annan arbetsyta i Kliv.</source>
        <translation>Domänen används redan av en annan arbetsyta i Kliv.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="141"/>
        <source>Filen är inte giltig IdP-metadata för SAML 2.0 (en EntityDescriptor med IDPSSODescriptor och ett signeringscertifikat).</source>
        <translation>Filen är inte giltig IdP-metadata för SAML 2.0 (en EntityDescriptor med IDPSSODescriptor och ett signeringscertifikat).</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="156"/>
        <source>Filen är för stor för att vara IdP-metadata.</source>
        <translation>Filen är för stor för att vara IdP-metadata.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="156"/>
        <source>Filen kunde inte läsas.</source>
        <translation>Filen kunde inte läsas.</translation>
    </message>
</context>
<context>
    <name>Subscription</name>
    <message>
        <location filename="../models/subscription.cpp" line="102"/>
        <source>Betalningen är klar. Du har nu %1.</source>
        <translation>Betalningen är klar. Du har nu %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="171"/>
        <source>Du uppgraderas till %1 nu. Du debiteras %2 i dag för resten av perioden och får %3 krediter till direkt.</source>
        <translation>Du uppgraderas till %1 nu. Du debiteras %2 i dag för resten av perioden och får %3 krediter till direkt.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="175"/>
        <source>Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.</source>
        <translation>Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="178"/>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="179"/>
        <source>Din prenumeration avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis. Dina projekt finns kvar.</source>
        <translation>Din prenumeration avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis. Dina projekt finns kvar.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="183"/>
        <source>Du byter till %1 för %2 i månaden. Betalningen görs i webbläsaren, och du får %3 krediter så snart den är klar.</source>
        <translation>Du byter till %1 för %2 i månaden. Betalningen görs i webbläsaren, och du får %3 krediter så snart den är klar.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="198"/>
        <source>Från den %1 betalar du ingenting.</source>
        <translation>Från den %1 betalar du ingenting.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="199"/>
        <source>Från den %1 betalar du %2 i månaden.</source>
        <translation>Från den %1 betalar du %2 i månaden.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="208"/>
        <source>Den planerade uppsägningen står kvar: prenumerationen avslutas den %1.</source>
        <translation>Den planerade uppsägningen står kvar: prenumerationen avslutas den %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="209"/>
        <source>Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den %1.</source>
        <translation>Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="218"/>
        <source>Uppgradera</source>
        <translation>Uppgradera</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="219"/>
        <source>Nedgradera</source>
        <translation>Nedgradera</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="220"/>
        <source>Avsluta prenumeration</source>
        <translation>Avsluta prenumeration</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="221"/>
        <source>Gå till betalning</source>
        <translation>Gå till betalning</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="244"/>
        <source>Betalningen för %1 är öppnad i webbläsaren. Planen byts när betalningen är klar.</source>
        <translation>Betalningen för %1 är öppnad i webbläsaren. Planen byts när betalningen är klar.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="252"/>
        <source>Uppgraderingen till %1 är betald.</source>
        <translation>Uppgraderingen till %1 är betald.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="253"/>
        <source>Uppgraderingen till %1 är betald: %2.</source>
        <translation>Uppgraderingen till %1 är betald: %2.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="256"/>
        <source>Klart: du byter till %1 den %2. Till dess har du kvar %3.</source>
        <translation>Klart: du byter till %1 den %2. Till dess har du kvar %3.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="259"/>
        <location filename="../models/subscription.cpp" line="271"/>
        <source>Klart: prenumerationen avslutas den %1. Till dess har du kvar %2.</source>
        <translation>Klart: prenumerationen avslutas den %1. Till dess har du kvar %2.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="281"/>
        <source>Klart: den planerade ändringen är ångrad. Du fortsätter med %1.</source>
        <translation>Klart: den planerade ändringen är ångrad. Du fortsätter med %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="371"/>
        <source>Säljteamet tog emot din förfrågan %1 och hanterade den %2.</source>
        <translation>Säljteamet tog emot din förfrågan %1 och hanterade den %2.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="373"/>
        <source>Säljteamet tog emot din förfrågan %1 kl. %2 och hör av sig.</source>
        <translation>Säljteamet tog emot din förfrågan %1 kl. %2 och hör av sig.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="10"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="12"/>
        <source>%1 av %2 platser används.</source>
        <translation>%1 av %2 platser används.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/TeamPage.qml" line="13"/>
        <source>%n teammedlemmar, obegränsat antal platser.</source>
        <translation>
            <numerusform>%n teammedlem, obegränsat antal platser.</numerusform>
            <numerusform>%n teammedlemmar, obegränsat antal platser.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="23"/>
        <source>Bara ägare och administratörer kan bjuda in och ta bort teammedlemmar.</source>
        <translation>Bara ägare och administratörer kan bjuda in och ta bort teammedlemmar.</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="34"/>
        <source>Använda platser</source>
        <translation>Använda platser</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="75"/>
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="78"/>
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="65"/>
        <location filename="../qml/pages/TeamPage.qml" line="90"/>
        <source>Teammedlemmar</source>
        <translation>Teammedlemmar</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="76"/>
        <source>Gick med</source>
        <translation>Gick med</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="77"/>
        <source>Gräns</source>
        <translation>Gräns</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="110"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="149"/>
        <source>Ändra</source>
        <translation>Ändra</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="150"/>
        <source>Ändra gräns för %1</source>
        <translation>Ändra gräns för %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="172"/>
        <source>Roll för %1</source>
        <translation>Roll för %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="190"/>
        <location filename="../qml/pages/TeamPage.qml" line="257"/>
        <source>Ta bort</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="191"/>
        <source>Ta bort %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="243"/>
        <source>Ta bort teammedlem</source>
        <translation>Ta bort teammedlem</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="247"/>
        <source>%1 förlorar åtkomsten till arbetsytan. Projekten finns kvar.</source>
        <translation>%1 förlorar åtkomsten till arbetsytan. Projekten finns kvar.</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="258"/>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../models/tokenstore.cpp" line="18"/>
        <source>Ingen nyckelring hittades. Kliv Konto sparar aldrig inloggningen i klartext: starta en nyckelring (t.ex. GNOME Nyckelring eller KWallet) och logga in igen.</source>
        <translation>Ingen nyckelring hittades. Kliv Konto sparar aldrig inloggningen i klartext: starta en nyckelring (t.ex. GNOME Nyckelring eller KWallet) och logga in igen.</translation>
    </message>
    <message>
        <location filename="../models/tokenstore.cpp" line="24"/>
        <source>Kliv Konto fick inte tillgång till nyckelringen. Tillåt åtkomst och logga in igen.</source>
        <translation>Kliv Konto fick inte tillgång till nyckelringen. Tillåt åtkomst och logga in igen.</translation>
    </message>
    <message>
        <location filename="../models/tokenstore.cpp" line="29"/>
        <source>Nyckelringen är låst eller svarar inte. Lås upp den och försök igen.</source>
        <translation>Nyckelringen är låst eller svarar inte. Lås upp den och försök igen.</translation>
    </message>
</context>
<context>
    <name>TrayMeter</name>
    <message>
        <location filename="../models/traymeter.cpp" line="122"/>
        <source>Öppna Kliv Konto</source>
        <translation>Öppna Kliv Konto</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="123"/>
        <source>Logga ut</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="124"/>
        <source>Avsluta</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="131"/>
        <source>Kliv Konto · inte inloggad</source>
        <translation>Kliv Konto · inte inloggad</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="134"/>
        <source>Kliv Konto · hämtar saldot…</source>
        <translation>Kliv Konto · hämtar saldot…</translation>
    </message>
</context>
<context>
    <name>UsageChartCard</name>
    <message>
        <location filename="../qml/components/UsageChartCard.qml" line="9"/>
        <source>Krediter per dag</source>
        <translation>Krediter per dag</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/UsageChartCard.qml" line="44"/>
        <source>%n krediter totalt</source>
        <translation>
            <numerusform>%n kredit totalt</numerusform>
            <numerusform>%n krediter totalt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageModel</name>
    <message>
        <location filename="../models/usagemodel.cpp" line="60"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location filename="../models/usagemodel.cpp" line="67"/>
        <source>Din användning</source>
        <translation>Din användning</translation>
    </message>
    <message>
        <location filename="../models/usagemodel.cpp" line="69"/>
        <source>Teamets användning</source>
        <translation>Teamets användning</translation>
    </message>
    <message>
        <location filename="../models/usagemodel.cpp" line="191"/>
        <source>Användningen är sparad i %1.</source>
        <translation>Användningen är sparad i %1.</translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="12"/>
        <source>Användning</source>
        <translation>Användning</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="13"/>
        <source>Användningshistorik för %1</source>
        <translation>Användningshistorik för %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="74"/>
        <location filename="../qml/pages/UsagePage.qml" line="129"/>
        <source>Ingen användning under perioden.</source>
        <translation>Ingen användning under perioden.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="74"/>
        <location filename="../qml/pages/UsagePage.qml" line="129"/>
        <source>Ingen användning den här månaden.</source>
        <translation>Ingen användning den här månaden.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="81"/>
        <source>Per aktivitet</source>
        <translation>Per aktivitet</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="91"/>
        <source>Per projekt</source>
        <translation>Per projekt</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="101"/>
        <source>Per medlem</source>
        <translation>Per medlem</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="112"/>
        <source>Användning per medlem ingår i Pro och Enterprise.</source>
        <translation>Användning per medlem ingår i Pro och Enterprise.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="113"/>
        <source>Bara ägare och administratörer ser användning per medlem.</source>
        <translation>Bara ägare och administratörer ser användning per medlem.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="125"/>
        <source>Alla poster</source>
        <translation>Alla poster</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="139"/>
        <source>Exportera användning som CSV</source>
        <translation>Exportera användning som CSV</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="141"/>
        <source>Spara</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="143"/>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
</context>
<context>
    <name>UsagePeriodBar</name>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="27"/>
        <source>Föregående månad</source>
        <translation>Föregående månad</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="45"/>
        <source>Nästa månad</source>
        <translation>Nästa månad</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="46"/>
        <source>Det finns ingen senare period.</source>
        <translation>Det finns ingen senare period.</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="56"/>
        <source>Faktureringsperiod</source>
        <translation>Faktureringsperiod</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="57"/>
        <source>Kalendermånad</source>
        <translation>Kalendermånad</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="63"/>
        <source>Visa</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="70"/>
        <source>Exportera CSV</source>
        <translation>Exportera CSV</translation>
    </message>
</context>
<context>
    <name>UsagePopupContent</name>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="18"/>
        <source>Användning</source>
        <translation>Användning</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="19"/>
        <source>Användning i %1</source>
        <translation>Användning i %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="19"/>
        <source>Användning %1</source>
        <translation>Användning %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="54"/>
        <source>Månadens användning går inte att visa just nu.</source>
        <translation>Månadens användning går inte att visa just nu.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="63"/>
        <source>Ingen användning under perioden.</source>
        <translation>Ingen användning under perioden.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="63"/>
        <source>Ingen användning den här månaden.</source>
        <translation>Ingen användning den här månaden.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="72"/>
        <source>Visa all användning</source>
        <translation>Visa all användning</translation>
    </message>
</context>
<context>
    <name>WorkspaceListModel</name>
    <message>
        <location filename="../models/workspacelistmodel.cpp" line="24"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
</TS>
