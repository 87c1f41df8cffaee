<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>ActivityNames</name>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="8"/>
        <source>Chatt</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="9"/>
        <source>Bildgenerering</source>
        <translation>Image generation</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="10"/>
        <source>Ny sida</source>
        <translation>New page</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="11"/>
        <source>Redigerad sektion</source>
        <translation>Edited section</translation>
    </message>
    <message>
        <location filename="../qml/components/ActivityNames.qml" line="12"/>
        <source>Publicering</source>
        <translation>Publishing</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../models/apierror.cpp" line="9"/>
        <source>Kan inte nå Kliv. Kontrollera internetanslutningen och försök igen.</source>
        <translation>Cannot reach Kliv. Check your internet connection and try again.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="10"/>
        <source>Kliv svarade inte i tid. Försök igen om en stund.</source>
        <translation>Kliv did not answer in time. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="11"/>
        <source>Du är utloggad. Logga in igen.</source>
        <translation>You are signed out. Sign in again.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="12"/>
        <source>Du har inte behörighet till det här.</source>
        <translation>You do not have permission to do this.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="13"/>
        <source>Det här finns inte längre.</source>
        <translation>This no longer exists.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="14"/>
        <source>Det finns inte tillräckligt med krediter.</source>
        <translation>There are not enough credits.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="15"/>
        <source>Du har nått din gräns för den här perioden. Be en administratör höja gränsen.</source>
        <translation>You have reached your limit for this period. Ask an administrator to raise it.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="16"/>
        <source>Ändringen gick inte att göra just nu. Uppdatera och försök igen.</source>
        <translation>The change could not be made right now. Refresh and try again.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="17"/>
        <source>Arbetsytan har inga lediga platser för fler teammedlemmar.</source>
        <translation>The workspace has no free seats for more team members.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="18"/>
        <source>Den senaste betalningen misslyckades. Uppdatera betalningsmetoden först.</source>
        <translation>The last payment failed. Update the payment method first.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="19"/>
        <source>Betalningar är inte tillgängliga just nu. Försök igen senare.</source>
        <translation>Payments are not available right now. Try again later.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="20"/>
        <source>Kortet nekades. Uppdatera betalningsmetoden och försök igen.</source>
        <translation>The card was declined. Update the payment method and try again.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="21"/>
        <source>Den här planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.</source>
        <translation>This plan is managed by Kliv&apos;s sales team. Contact sales to change it.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="22"/>
        <source>Betaltjänsten svarade inte som väntat. Försök igen senare.</source>
        <translation>The payment service did not answer as expected. Try again later.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="23"/>
        <source>Uppgifterna är inte giltiga. Kontrollera dem och försök igen.</source>
        <translation>The details are not valid. Check them and try again.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="24"/>
        <source>För många förfrågningar. Vänta en stund och försök igen.</source>
        <translation>Too many requests. Wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="25"/>
        <source>Något gick fel hos Kliv. Försök igen om en stund.</source>
        <translation>Something went wrong at Kliv. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="26"/>
        <source>Kliv skickade ett svar som inte gick att läsa. Försök igen om en stund.</source>
        <translation>Kliv sent an answer that could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="27"/>
        <source>Nyckelringen går inte att använda.</source>
        <translation>The keyring cannot be used.</translation>
    </message>
    <message>
        <location filename="../models/apierror.cpp" line="28"/>
        <source>Inloggningen misslyckades. Försök igen.</source>
        <translation>Sign-in failed. Try again.</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="19"/>
        <source>Planbyte begärt</source>
        <translation>Plan change requested</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="20"/>
        <source>Plan ändrad</source>
        <translation>Plan changed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="21"/>
        <source>Planbyte misslyckades</source>
        <translation>Plan change failed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="22"/>
        <source>Planbyte ångrat</source>
        <translation>Plan change undone</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="23"/>
        <source>Uppsägning</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="24"/>
        <source>Uppsägning ångrad</source>
        <translation>Cancellation undone</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="25"/>
        <source>Betalning misslyckades</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="26"/>
        <source>Prenumeration avslutad</source>
        <translation>Subscription ended</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="27"/>
        <source>Medlem inbjuden</source>
        <translation>Member invited</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="28"/>
        <source>Medlem borttagen</source>
        <translation>Member removed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="29"/>
        <source>Roll ändrad</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="30"/>
        <source>Gräns ändrad</source>
        <translation>Limit changed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="31"/>
        <source>Ägarskap överlåtet</source>
        <translation>Ownership transferred</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="32"/>
        <source>Roll skapad</source>
        <translation>Role created</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="33"/>
        <source>Roll redigerad</source>
        <translation>Role edited</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="34"/>
        <source>Roll borttagen</source>
        <translation>Role deleted</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="35"/>
        <source>SSO-inställningar ändrade</source>
        <translation>SSO settings changed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="36"/>
        <source>SSO-inloggning nekad</source>
        <translation>SSO sign-in refused</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="77"/>
        <source>Alla händelser</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="89"/>
        <source>Bjöd in %1 som %2</source>
        <translation>Invited %1 as %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="91"/>
        <source>Tog bort %1 (%2)</source>
        <translation>Removed %1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="93"/>
        <source>Ändrade rollen för %1: %2 → %3</source>
        <translation>Changed the role of %1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="97"/>
        <source>ingen gräns</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="99"/>
        <source>Ändrade gränsen för %1: %2 → %3</source>
        <translation>Changed the limit for %1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="102"/>
        <source>Lämnade över ägarskapet: %1 → %2</source>
        <translation>Handed over ownership: %1 → %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="105"/>
        <source>Skapade rollen %1 med %n behörigheter</source>
        <translation>
            <numerusform>Created the role %1 with %n permission</numerusform>
            <numerusform>Created the role %1 with %n permissions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="110"/>
        <source>Ändrade rollen %1: nu %n behörigheter</source>
        <translation>
            <numerusform>Changed the role %1: now %n permission</numerusform>
            <numerusform>Changed the role %1: now %n permissions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="111"/>
        <source>Döpte om rollen %1 till %2 (%n behörigheter)</source>
        <translation>
            <numerusform>Renamed the role %1 to %2 (%n permission)</numerusform>
            <numerusform>Renamed the role %1 to %2 (%n permissions)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="114"/>
        <source>Tog bort rollen %1</source>
        <translation>Deleted the role %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="119"/>
        <source>domän %1</source>
        <translation>domain %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="121"/>
        <source>domänen verifierad</source>
        <translation>domain verified</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="121"/>
        <source>domänen overifierad</source>
        <translation>domain unverified</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="123"/>
        <source>identitetsleverantör %1</source>
        <translation>identity provider %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="125"/>
        <source>SSO krävs</source>
        <translation>SSO required</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="125"/>
        <source>SSO krävs inte</source>
        <translation>SSO not required</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="127"/>
        <source>roll för nya medlemmar %1</source>
        <translation>role for new members %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="129"/>
        <source>nödkonto ändrat</source>
        <translation>break-glass account changed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="130"/>
        <source>Ändrade SSO-inställningarna</source>
        <translation>Changed the SSO settings</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="130"/>
        <source>Ändrade SSO-inställningarna: %1</source>
        <translation>Changed the SSO settings: %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="133"/>
        <source>En inloggning med SSO nekades: %1</source>
        <translation>An SSO sign-in was refused: %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="136"/>
        <source>Begärde planbyte: %1 → %2</source>
        <translation>Requested a plan change: %1 → %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="137"/>
        <source>Begärde planbyte: %1 → %2 den %3</source>
        <translation>Requested a plan change: %1 → %2 on %3</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="140"/>
        <source>Planen ändrades: %1 → %2</source>
        <translation>The plan changed: %1 → %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="143"/>
        <source>Planbytet %1 → %2 genomfördes inte: betalningen nekades</source>
        <translation>The plan change %1 → %2 did not go through: the payment was declined</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="144"/>
        <source>Planbytet %1 → %2 genomfördes inte</source>
        <translation>The plan change %1 → %2 did not go through</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="146"/>
        <source>Ångrade planbytet till %1</source>
        <translation>Undid the change to %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="148"/>
        <source>Sade upp %1: övergår till Gratis den %2</source>
        <translation>Cancelled %1: moves to Free on %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="150"/>
        <source>Ångrade uppsägningen av %1</source>
        <translation>Undid the cancellation of %1</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="152"/>
        <source>Betalningen för %1 misslyckades</source>
        <translation>The payment for %1 failed</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="154"/>
        <source>Prenumerationen avslutades: %1 → %2</source>
        <translation>The subscription ended: %1 → %2</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="163"/>
        <source>Kliv (%1)</source>
        <translation>Kliv (%1)</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="164"/>
        <source>Automatiskt</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="300"/>
        <source>Händelseloggen är sparad i %1.</source>
        <translation>The activity log was saved to %1.</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="12"/>
        <location filename="../qml/pages/AuditLogPage.qml" line="145"/>
        <source>Händelselogg</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="13"/>
        <source>Vem ändrade vad i arbetsytan, och när.</source>
        <translation>Who changed what in the workspace, and when.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="26"/>
        <source>Bara ägare och administratörer ser händelseloggen.</source>
        <translation>Only owners and admins see the activity log.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="41"/>
        <source>Visa händelser: %1</source>
        <translation>Show events: %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="50"/>
        <source>Alla medlemmar</source>
        <translation>All members</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="57"/>
        <source>Gjort av: %1</source>
        <translation>Made by: %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="76"/>
        <source>Exportera CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="121"/>
        <source>Inga händelser med det här urvalet.</source>
        <translation>No events match these filters.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="121"/>
        <source>Inga händelser ännu.</source>
        <translation>No events yet.</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="130"/>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="131"/>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="132"/>
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="133"/>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="156"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="173"/>
        <source>Visa fler</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="182"/>
        <source>Exportera händelseloggen som CSV</source>
        <translation>Export the activity log as CSV</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="184"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/pages/AuditLogPage.qml" line="186"/>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../models/autostart.cpp" line="61"/>
        <source>Kunde inte skapa mappen %1.</source>
        <translation>Could not create the folder %1.</translation>
    </message>
    <message>
        <location filename="../models/autostart.cpp" line="67"/>
        <source>Kunde inte spara %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location filename="../models/autostart.cpp" line="80"/>
        <source>Kunde inte ta bort %1: %2</source>
        <translation>Could not remove %1: %2</translation>
    </message>
</context>
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="25"/>
        <source>Bara ägare och administratörer kan ångra ändringen.</source>
        <translation>Only owners and admins can undo the change.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="32"/>
        <source>Betalningen för din prenumeration misslyckades. Uppdatera betalningsmetoden så att du behåller %1.</source>
        <translation>The payment for your subscription failed. Update the payment method to keep %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="33"/>
        <source>Betalningen för prenumerationen misslyckades. Be en ägare eller administratör att uppdatera betalningsmetoden.</source>
        <translation>The payment for the subscription failed. Ask an owner or admin to update the payment method.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="34"/>
        <source>Uppdatera betalningsmetod</source>
        <translation>Update payment method</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="44"/>
        <source>Betala fakturan</source>
        <translation>Pay the invoice</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="58"/>
        <source>Prenumerationen avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis.</source>
        <translation>The subscription ends on %1. You keep %2 until then, then the workspace moves to Free.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="68"/>
        <source>Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.</source>
        <translation>You change to %1 on %2. Until then you keep %3 and your credits.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="90"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="60"/>
        <location filename="../qml/pages/BannerArea.qml" line="70"/>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="78"/>
        <source>Ingen kontakt med servern. Uppgifterna är från %1.</source>
        <translation>No connection to the server. The figures are from %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BannerArea.qml" line="80"/>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>BillingPage</name>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="9"/>
        <source>Fakturering</source>
        <translation>Billing</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="10"/>
        <source>Betalningar hanteras av Stripe. Kliv tar aldrig emot eller lagrar dina kortuppgifter.</source>
        <translation>Payments are handled by Stripe. Kliv never receives or stores your card details.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="31"/>
        <source>Bara ägare och administratörer ser fakturor och betalningsmetoder.</source>
        <translation>Only owners and admins see invoices and payment methods.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="42"/>
        <source>Prenumeration</source>
        <translation>Subscription</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="48"/>
        <source>Betalning misslyckades</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="53"/>
        <source>Avslutas</source>
        <translation>Ending</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="60"/>
        <source>Prenumerationen avslutas den %1.</source>
        <translation>The subscription ends on %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="61"/>
        <source>Nästa faktureringscykel börjar den %1.</source>
        <translation>Next billing cycle starts on %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="67"/>
        <source>Uppdatera betalningsmetod</source>
        <translation>Update payment method</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="67"/>
        <source>Hantera betalningsmetoder</source>
        <translation>Manage payment methods</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="100"/>
        <location filename="../qml/pages/BillingPage.qml" line="144"/>
        <source>Faktureringshistorik</source>
        <translation>Billing history</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="113"/>
        <source>Inga fakturor ännu.</source>
        <translation>No invoices yet.</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="128"/>
        <source>Faktura</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="129"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="130"/>
        <source>Avser</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="131"/>
        <source>Belopp</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="132"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="159"/>
        <source>Faktura %1, %2, %3, %4, %5</source>
        <translation>Invoice %1, %2, %3, %4, %5</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="196"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="197"/>
        <source>Ladda ner faktura %1 som PDF</source>
        <translation>Download invoice %1 as PDF</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="190"/>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../qml/pages/BillingPage.qml" line="191"/>
        <source>Öppna faktura %1</source>
        <translation>Open invoice %1</translation>
    </message>
</context>
<context>
    <name>ContactSalesDialog</name>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="15"/>
        <source>Kontakta säljteamet</source>
        <translation>Contact sales</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="23"/>
        <source>Berätta om era behov, så hör säljteamet av sig om Enterprise: SAML-inloggning, anpassade roller och dedikerade driftmiljöer.</source>
        <translation>Tell us what you need and the sales team will get back to you about Enterprise: SAML sign-in, custom roles and dedicated deployments.</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="27"/>
        <location filename="../qml/components/ContactSalesDialog.qml" line="28"/>
        <source>E-post eller telefon</source>
        <translation>Email or phone</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="29"/>
        <location filename="../qml/components/ContactSalesDialog.qml" line="30"/>
        <source>Ungefärligt antal användare</source>
        <translation>Approximate number of users</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="31"/>
        <location filename="../qml/components/ContactSalesDialog.qml" line="37"/>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="51"/>
        <source>Skicka</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../qml/components/ContactSalesDialog.qml" line="56"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CopyLinkRow</name>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="10"/>
        <source>Webbläsaren kunde inte öppnas. Öppna länken själv:</source>
        <translation>The browser could not be opened. Open the link yourself:</translation>
    </message>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="34"/>
        <source>Länk</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="39"/>
        <source>Kopierad</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../qml/components/CopyLinkRow.qml" line="39"/>
        <source>Kopiera länk</source>
        <translation>Copy link</translation>
    </message>
</context>
<context>
    <name>CreditMeter</name>
    <message>
        <location filename="../models/creditmeter.cpp" line="234"/>
        <source>övergår till %1 %2</source>
        <translation>changes to %1 %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="236"/>
        <source>%1 från %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="239"/>
        <source>fylls på %1</source>
        <translation>refills %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="240"/>
        <source>återställs %1</source>
        <translation>resets %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="249"/>
        <source>%1 av %2 krediter · senast uppdaterad %3</source>
        <translation>%1 of %2 credits · last updated %3</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="252"/>
        <source>Månadens %1 krediter är använda · nya %2</source>
        <translation>This month&apos;s %1 credits are used · new ones %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="256"/>
        <source>%1 av %2 krediter i dag · %3</source>
        <translation>%1 of %2 credits today · %3</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="257"/>
        <source>%1 av %2 krediter · %3</source>
        <translation>%1 of %2 credits · %3</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="265"/>
        <source>Din gräns: %1 av %2 krediter</source>
        <translation>Your limit: %1 of %2 credits</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="283"/>
        <source>Räcker till periodens slut %1</source>
        <translation>Lasts until the end of the period, %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="284"/>
        <source>Räcker till återställningen %1</source>
        <translation>Lasts until the reset on %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="287"/>
        <source>Räcker till ca kl. %1 i&#xa0;dag</source>
        <translation>Lasts until about %1 today</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="288"/>
        <source>Räcker till ca %1</source>
        <translation>Lasts until about %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="300"/>
        <source>Månadens %1 krediter räcker månaden ut</source>
        <translation>The month&apos;s %1 credits last the month</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="301"/>
        <source>Månadens %1 krediter räcker till ca %2</source>
        <translation>The month&apos;s %1 credits last until about %2</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="304"/>
        <source>Dagens krediter är slut</source>
        <translation>Today&apos;s credits are used up</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="306"/>
        <source>Dagens krediter räcker i&#xa0;dag</source>
        <translation>Today&apos;s credits last the day</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="308"/>
        <source>Dagens krediter räcker till ca kl. %1</source>
        <translation>Today&apos;s credits last until about %1</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="309"/>
        <source>månadens %1 räcker månaden ut</source>
        <translation>the month&apos;s %1 last the month</translation>
    </message>
    <message>
        <location filename="../models/creditmeter.cpp" line="310"/>
        <source>månadens %1 räcker till ca %2</source>
        <translation>the month&apos;s %1 last until about %2</translation>
    </message>
</context>
<context>
    <name>CreditMeterButton</name>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="23"/>
        <source>Be en ägare eller administratör om fler krediter</source>
        <translation>Ask an owner or admin for more credits</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="29"/>
        <source>Inte uppdaterad</source>
        <translation>Not up to date</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="31"/>
        <source>Snart slut</source>
        <translation>Running low</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="33"/>
        <source>Slut</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="35"/>
        <source>Månadens tak nått</source>
        <translation>Monthly cap reached</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="48"/>
        <source>Visar månadens användning</source>
        <translation>Shows this month&apos;s usage</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="56"/>
        <source>Visa månadens användning</source>
        <translation>Show this month&apos;s usage</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="82"/>
        <source>Hämtar kreditbalans…</source>
        <translation>Fetching credit balance…</translation>
    </message>
    <message>
        <location filename="../qml/components/CreditMeterButton.qml" line="100"/>
        <source>Uppgradera</source>
        <translation>Upgrade</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <location filename="../models/csvexport.cpp" line="25"/>
        <source>Filen %1 gick inte att spara.</source>
        <translation>The file %1 could not be saved.</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <location filename="../qml/components/DailyChart.qml" line="32"/>
        <source>Krediter per dag</source>
        <translation>Credits per day</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/DailyChart.qml" line="143"/>
        <source>%1: %n krediter</source>
        <translation>
            <numerusform>%1: %n credit</numerusform>
            <numerusform>%1: %n credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyUsageModel</name>
    <message>
        <location filename="../models/dailyusagemodel.cpp" line="29"/>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../models/dailyusagemodel.cpp" line="29"/>
        <source>Krediter</source>
        <translation>Credits</translation>
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
        <translation>Today&apos;s credits are used up</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="77"/>
        <source>90 % av dagens krediter är använda</source>
        <translation>90 % of today&apos;s credits are used</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="78"/>
        <source>75 % av dagens krediter är använda</source>
        <translation>75 % of today&apos;s credits are used</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="81"/>
        <source>Månadens krediter är slut</source>
        <translation>This month&apos;s credits are used up</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="82"/>
        <source>90 % av månadens krediter är använda</source>
        <translation>90 % of this month&apos;s credits are used</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="83"/>
        <source>75 % av månadens krediter är använda</source>
        <translation>75 % of this month&apos;s credits are used</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="85"/>
        <source>Krediterna är slut</source>
        <translation>Your credits are used up</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="86"/>
        <source>90 % av krediterna är använda</source>
        <translation>90 % of your credits are used</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="87"/>
        <source>75 % av krediterna är använda</source>
        <translation>75 % of your credits are used</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="99"/>
        <source>%1 av %2 krediter kvar i dag · fylls på %3</source>
        <translation>%1 of %2 credits left today · refilled %3</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="102"/>
        <source>%1 av månadens %2 krediter kvar · nya %3</source>
        <translation>%1 of this month&apos;s %2 credits left · new ones %3</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="103"/>
        <source>%1 av %2 krediter kvar · återställs %3</source>
        <translation>%1 of %2 credits left · resets %3</translation>
    </message>
    <message>
        <location filename="../models/desktopnotifier.cpp" line="125"/>
        <source>Uppgradera</source>
        <translation>Upgrade</translation>
    </message>
</context>
<context>
    <name>EnterpriseUpsell</name>
    <message>
        <location filename="../qml/components/EnterpriseUpsell.qml" line="32"/>
        <source>Kontakta sälj</source>
        <translation>Contact sales</translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <location filename="../qml/components/EntryList.qml" line="23"/>
        <source>Användningshistorik</source>
        <translation>Usage history</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="39"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="40"/>
        <source>Medlem</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="41"/>
        <source>Projekt</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="42"/>
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="43"/>
        <source>Krediter</source>
        <translation>Credits</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/EntryList.qml" line="60"/>
        <source>%1, %2, %3, %4: %n krediter</source>
        <translation>
            <numerusform>%1, %2, %3, %4: %n credit</numerusform>
            <numerusform>%1, %2, %3, %4: %n credits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/EntryList.qml" line="11"/>
        <source>Ingen användning den här månaden.</source>
        <translation>No usage this month.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../models/format.cpp" line="66"/>
        <source>i&#xa0;dag %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="68"/>
        <source>i&#xa0;morgon %1</source>
        <translation>tomorrow %1</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="74"/>
        <source>%1 kredit</source>
        <translation>%1 credit</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="75"/>
        <source>%1 krediter</source>
        <translation>%1 credits</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="81"/>
        <source>Gratis</source>
        <translation>Free</translation>
    </message>
</context>
<context>
    <name>InviteForm</name>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="17"/>
        <source>Bjud in en teammedlem</source>
        <translation>Invite a team member</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="37"/>
        <location filename="../qml/components/InviteForm.qml" line="38"/>
        <source>E-postadress</source>
        <translation>Email address</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="47"/>
        <source>Namn (valfritt)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="48"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="59"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../qml/components/InviteForm.qml" line="63"/>
        <source>Bjud in</source>
        <translation>Invite</translation>
    </message>
</context>
<context>
    <name>InvoiceModel</name>
    <message>
        <location filename="../models/invoicemodel.cpp" line="29"/>
        <source>Betald</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="30"/>
        <source>Obetald</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="31"/>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="32"/>
        <source>Ej indrivningsbar</source>
        <translation>Uncollectible</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="33"/>
        <source>Makulerad</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="111"/>
        <source>Fakturan på %1 förföll %2. Krediterna är pausade tills den är betald.</source>
        <translation>The invoice of %1 was due %2. Credits are paused until it is paid.</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="112"/>
        <source>Fakturan på %1 förföll %2. Betala den för att behålla er plan.</source>
        <translation>The invoice of %1 was due %2. Pay it to keep your plan.</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="121"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="125"/>
        <source>Uppgradering till %1</source>
        <translation>Upgrade to %1</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="125"/>
        <source>Uppgradering till %1, %2</source>
        <translation>Upgrade to %1, %2</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="126"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../models/invoicemodel.cpp" line="156"/>
        <source>varav moms %1</source>
        <translation>incl. VAT %1</translation>
    </message>
</context>
<context>
    <name>LoopbackSignIn</name>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="111"/>
        <source>Sidan finns inte.</source>
        <translation>The page does not exist.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="122"/>
        <location filename="../models/loopbacksignin.cpp" line="128"/>
        <source>Inloggningen misslyckades</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="123"/>
        <source>Svaret hörde inte till den här inloggningen. Gå tillbaka till Kliv Konto och försök igen.</source>
        <translation>The answer did not belong to this sign-in. Go back to Kliv Konto and try again.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="124"/>
        <source>Inloggningen avbröts: svaret från webbläsaren hörde inte till den här inloggningen.</source>
        <translation>Sign-in was cancelled: the answer from the browser did not belong to this sign-in.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="129"/>
        <source>Gå tillbaka till Kliv Konto och försök igen.</source>
        <translation>Go back to Kliv Konto and try again.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="130"/>
        <source>Inloggningen avbröts i webbläsaren.</source>
        <translation>Sign-in was cancelled in the browser.</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="133"/>
        <source>Du är inloggad</source>
        <translation>You are signed in</translation>
    </message>
    <message>
        <location filename="../models/loopbacksignin.cpp" line="134"/>
        <source>Du är inloggad – gå tillbaka till Kliv Konto.</source>
        <translation>You are signed in – go back to Kliv Konto.</translation>
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
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>Användning</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="28"/>
        <source>Planer</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="29"/>
        <source>Fakturering</source>
        <translation>Billing</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="30"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="31"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="32"/>
        <source>Säkerhet</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="33"/>
        <source>Händelselogg</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="191"/>
        <source>Arbetsyta</source>
        <translation>Workspace</translation>
    </message>
</context>
<context>
    <name>MemberLimitDialog</name>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="26"/>
        <source>Gräns för %1</source>
        <translation>Limit for %1</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="45"/>
        <source>Hur många krediter %1 får använda per period. Gränsen börjar om varje ny period.</source>
        <translation>How many credits %1 may use per period. The limit starts over with each new period.</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="54"/>
        <source>Ingen gräns</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="62"/>
        <source>Krediter per period</source>
        <translation>Credits per period</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="68"/>
        <source>krediter per period</source>
        <translation>credits per period</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="91"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/components/MemberLimitDialog.qml" line="103"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <location filename="../models/membermodel.cpp" line="24"/>
        <source>Ägare</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="25"/>
        <source>Administratör</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="26"/>
        <source>Medlem</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="38"/>
        <source>Bara ägare och administratörer kan bjuda in teammedlemmar.</source>
        <translation>Only owners and admins can invite team members.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="40"/>
        <source>Gratis-planen har plats för högst %1 teammedlemmar. Uppgradera till Pro för att bjuda in fler.</source>
        <translation>The Free plan has room for at most %1 team members. Upgrade to Pro to invite more.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="131"/>
        <source>Gränser för medlemmar finns bara på betalda planer.</source>
        <translation>Member limits are only available on paid plans.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="133"/>
        <source>Gränsen kan vara högst %1 krediter per period.</source>
        <translation>The limit can be at most %1 credits per period.</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="161"/>
        <source>Ingen gräns</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../models/membermodel.cpp" line="165"/>
        <source>%1 av %2 krediter</source>
        <translation>%1 of %2 credits</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="9"/>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="10"/>
        <source>Välkommen, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="31"/>
        <source>Kreditbalans</source>
        <translation>Credit balance</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/OverviewPage.qml" line="51"/>
        <source>av %n krediter</source>
        <translation>
            <numerusform>of %n credit</numerusform>
            <numerusform>of %n credits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="76"/>
        <source>Visa användning</source>
        <translation>Show usage</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="89"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="93"/>
        <source>Betalning misslyckades</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="99"/>
        <source>Avslutas den %1</source>
        <translation>Ends on %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="100"/>
        <source>Nästa faktureringscykel börjar den %1</source>
        <translation>Next billing cycle starts on %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="107"/>
        <source>Byter till %1 den %2</source>
        <translation>Changes to %1 on %2</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="115"/>
        <source>Jämför planer</source>
        <translation>Compare plans</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="128"/>
        <source>Teammedlemmar</source>
        <translation>Team members</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="131"/>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="137"/>
        <source>platser används</source>
        <translation>seats in use</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="137"/>
        <source>medlemmar, obegränsat antal platser</source>
        <translation>members, unlimited seats</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="146"/>
        <source>Använda platser</source>
        <translation>Seats in use</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="151"/>
        <source>Hantera team</source>
        <translation>Manage team</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="151"/>
        <source>Visa team</source>
        <translation>View team</translation>
    </message>
    <message>
        <location filename="../qml/pages/OverviewPage.qml" line="161"/>
        <source>Krediter per dag, %1</source>
        <translation>Credits per day, %1</translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="40"/>
        <source>Uppgradera</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="41"/>
        <source>Nedgradera</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="42"/>
        <source>Avsluta prenumeration</source>
        <translation>Cancel subscription</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="43"/>
        <source>Kontakta säljteamet</source>
        <translation>Contact sales</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="45"/>
        <source>Byt till %1</source>
        <translation>Switch to %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="67"/>
        <source>Nuvarande</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="68"/>
        <source>Planerad</source>
        <translation>Scheduled</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/PlanCard.qml" line="80"/>
        <source>%n krediter per månad</source>
        <translation>
            <numerusform>%n credit per month</numerusform>
            <numerusform>%n credits per month</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="82"/>
        <source>%1 krediter per dag, högst %2 i månaden</source>
        <translation>%1 credits a day, at most %2 a month</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/PlanCard.qml" line="83"/>
        <source>%n krediter per dag</source>
        <translation>
            <numerusform>%n credit per day</numerusform>
            <numerusform>%n credits per day</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="84"/>
        <source>Kreditbidrag enligt avtal</source>
        <translation>Credit allowance by contract</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/PlanCard.qml" line="92"/>
        <source>Upp till %n teammedlemmar</source>
        <translation>
            <numerusform>Up to %n team member</numerusform>
            <numerusform>Up to %n team members</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="93"/>
        <source>Obegränsat antal teammedlemmar</source>
        <translation>Unlimited team members</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="101"/>
        <source>Allt i %1, och dessutom:</source>
        <translation>Everything in %1, plus:</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="110"/>
        <source>Samma funktioner som %1.</source>
        <translation>The same features as %1.</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="142"/>
        <source>Begränsning: %1</source>
        <translation>Limitation: %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="149"/>
        <source>Börjar gälla den %1</source>
        <translation>Takes effect on %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanCard.qml" line="167"/>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>PlanChangeDialog</name>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="21"/>
        <source>Behåll %1</source>
        <translation>Keep %1</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="21"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="31"/>
        <source>Avsluta prenumeration</source>
        <translation>Cancel subscription</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="32"/>
        <source>Nedgradera</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="33"/>
        <source>Uppgradera</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../qml/components/PlanChangeDialog.qml" line="78"/>
        <source>Att betala i dag: %1</source>
        <translation>Due today: %1</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../models/planmodel.cpp" line="113"/>
        <source>Alla AI-funktioner</source>
        <translation>All AI features</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="114"/>
        <source>Responsiv design</source>
        <translation>Responsive design</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="115"/>
        <source>Publicering</source>
        <translation>Publishing</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="116"/>
        <source>Adress på kliv.site</source>
        <translation>Address on kliv.site</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="118"/>
        <source>Anpassad domän</source>
        <translation>Custom domain</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="42"/>
        <source>Priserna är inklusive moms.</source>
        <translation>Prices include VAT.</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="43"/>
        <source>Priserna är exklusive moms.</source>
        <translation>Prices exclude VAT.</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="117"/>
        <source>Märkningen ”Made with Kliv” visas på webbplatsen</source>
        <translation>The “Made with Kliv” badge is shown on the site</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="119"/>
        <source>Utan märkningen ”Made with Kliv”</source>
        <translation>Without the “Made with Kliv” badge</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="120"/>
        <source>Prioriterad hosting</source>
        <translation>Priority hosting</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="121"/>
        <source>Snabbare support</source>
        <translation>Faster support</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="122"/>
        <source>Användning per teammedlem</source>
        <translation>Usage per team member</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="123"/>
        <source>Dedikerade driftmiljöer</source>
        <translation>Dedicated deployments</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="124"/>
        <source>SAML SSO</source>
        <translation>SAML SSO</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="125"/>
        <source>Egna roller och behörigheter</source>
        <translation>Custom roles and permissions</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="126"/>
        <source>Dedikerad support</source>
        <translation>Dedicated support</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="127"/>
        <source>Betalning mot faktura</source>
        <translation>Invoiced billing</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="164"/>
        <source>Enligt avtal</source>
        <translation>By contract</translation>
    </message>
    <message>
        <location filename="../models/planmodel.cpp" line="167"/>
        <source>%1/mån</source>
        <translation>%1/month</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="12"/>
        <source>Planer</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="13"/>
        <source>Din nuvarande plan är %1.</source>
        <translation>Your current plan is %1.</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="21"/>
        <source>Bara ägare och administratörer kan byta plan.</source>
        <translation>Only owners and admins can change the plan.</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="24"/>
        <source>Planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.</source>
        <translation>Kliv&apos;s sales team manages this plan. Contact sales to change it.</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="108"/>
        <source>Visa kvitto</source>
        <translation>View receipt</translation>
    </message>
    <message>
        <location filename="../qml/pages/PlansPage.qml" line="89"/>
        <source>Kontakta säljteamet</source>
        <translation>Contact sales</translation>
    </message>
</context>
<context>
    <name>RoleChangeDialog</name>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="23"/>
        <location filename="../qml/components/RoleChangeDialog.qml" line="48"/>
        <source>Ändra roll</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="31"/>
        <source>%1 blir administratör och kan hantera planen, faktureringen och teamet.</source>
        <translation>%1 becomes an administrator and can manage the plan, billing and the team.</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="33"/>
        <source>%1 blir %2.</source>
        <translation>%1 becomes %2.</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="34"/>
        <source>%1 får rollen %2 och det den rollen får göra.</source>
        <translation>%1 gets the role %2 and what that role may do.</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleChangeDialog.qml" line="55"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RoleEditorDialog</name>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="37"/>
        <source>Ändra rollen %1</source>
        <translation>Edit the role %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="37"/>
        <source>Ny roll</source>
        <translation>New role</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="44"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="50"/>
        <source>t.ex. Ekonomi</source>
        <translation>e.g. Finance</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="51"/>
        <source>Rollens namn</source>
        <translation>Role name</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="54"/>
        <source>Rollen får</source>
        <translation>The role may</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="103"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="103"/>
        <source>Skapa roll</source>
        <translation>Create role</translation>
    </message>
    <message>
        <location filename="../qml/components/RoleEditorDialog.qml" line="108"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RoleModel</name>
    <message>
        <location filename="../models/rolemodel.cpp" line="29"/>
        <source>Se sina egna krediter och sin användning</source>
        <translation>See their own credits and usage</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="31"/>
        <source>Se hela teamets användning, per medlem</source>
        <translation>See the whole team&apos;s usage, per member</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="33"/>
        <source>Se fakturor och betalningsmetoder</source>
        <translation>See invoices and payment methods</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="35"/>
        <source>Byta och avsluta planen</source>
        <translation>Change and cancel the plan</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="37"/>
        <source>Bjuda in, ta bort och ändra roller för teammedlemmar</source>
        <translation>Invite and remove team members and change their roles</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/rolemodel.cpp" line="43"/>
        <source>%n teammedlemmar har den här rollen. Ge dem en annan roll först.</source>
        <translation>
            <numerusform>%n team member holds this role. Give them another role first.</numerusform>
            <numerusform>%n team members hold this role. Give them another role first.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="144"/>
        <source>Du har inte den här behörigheten själv och kan därför inte ge den.</source>
        <translation>You do not hold this permission yourself, so you cannot give it.</translation>
    </message>
    <message>
        <location filename="../models/rolemodel.cpp" line="165"/>
        <source>Ge ägarrollen och flytta ägarskapet</source>
        <translation>Give the owner role and transfer ownership</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/rolemodel.cpp" line="169"/>
        <source>%n teammedlemmar</source>
        <translation>
            <numerusform>%n team member</numerusform>
            <numerusform>%n team members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolesCard</name>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="21"/>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="26"/>
        <source>Ny roll</source>
        <translation>New role</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="35"/>
        <source>Med Enterprise kan ni skapa egna roller utöver Medlem och Administratör, till exempel en ekonomiroll som ser fakturor men inte kan byta plan. Ni väljer själva vad varje roll får göra.</source>
        <translation>With Enterprise you can create your own roles besides Member and Administrator, for example a finance role that sees invoices but cannot change the plan. You choose what each role may do.</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="64"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="77"/>
        <source>Inbyggd · %1</source>
        <translation>Built-in · %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="94"/>
        <source>Inga behörigheter</source>
        <translation>No permissions</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="101"/>
        <source>Ändra</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="102"/>
        <source>Ändra %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="107"/>
        <location filename="../qml/components/RolesCard.qml" line="162"/>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="108"/>
        <source>Ta bort %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="135"/>
        <source>Ta bort rollen %1</source>
        <translation>Delete the role %1</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="141"/>
        <source>Rollen försvinner från arbetsytan. Det går bara när ingen teammedlem har den.</source>
        <translation>The role is removed from the workspace. This is only possible when no team member holds it.</translation>
    </message>
    <message>
        <location filename="../qml/components/RolesCard.qml" line="163"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="13"/>
        <source>Säkerhet</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="14"/>
        <source>Single sign-on (SAML 2.0) för arbetsytans domän.</source>
        <translation>Single sign-on (SAML 2.0) for the workspace&apos;s domain.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="19"/>
        <source>Bara ägare kan ändra inställningarna för single sign-on.</source>
        <translation>Only owners can change the single sign-on settings.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="39"/>
        <source>Med single sign-on loggar teamet in med sitt företagskonto (Microsoft Entra ID, Okta, Google Workspace eller annan SAML 2.0-leverantör) i stället för ett eget lösenord. Nya medarbetare får konto automatiskt och den som slutar förlorar åtkomsten när kontot stängs hos er. SSO ingår i Enterprise.</source>
        <translation>With single sign-on your team signs in with their company account (Microsoft Entra ID, Okta, Google Workspace or another SAML 2.0 provider) instead of a password of their own. New colleagues get an account automatically, and someone who leaves loses access when you close their account. SSO is part of Enterprise.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="51"/>
        <source>Uppgifter till er identitetsleverantör</source>
        <translation>Details for your identity provider</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="53"/>
        <source>Lägg upp Kliv som en SAML-applikation hos er IdP med de här uppgifterna.</source>
        <translation>Add Kliv as a SAML application in your IdP with these details.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="83"/>
        <source>Kopierad</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="83"/>
        <source>Kopiera</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="84"/>
        <source>Kopiera %1</source>
        <translation>Copy %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="100"/>
        <source>Identitetsleverantör (IdP)</source>
        <translation>Identity provider (IdP)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="104"/>
        <source>Ingen IdP är inlagd ännu. Hämta metadata-filen (XML) från er IdP och ladda upp den här.</source>
        <translation>No IdP has been added yet. Download the metadata file (XML) from your IdP and upload it here.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="114"/>
        <source>Entity ID</source>
        <translation>Entity ID</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="116"/>
        <source>Certifikat (SHA-256)</source>
        <translation>Certificate (SHA-256)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="118"/>
        <source>Giltigt till</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="123"/>
        <source>Ladda upp IdP-metadata</source>
        <translation>Upload IdP metadata</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="137"/>
        <location filename="../qml/pages/SecurityPage.qml" line="153"/>
        <source>Domän</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="139"/>
        <source>Den som loggar in med en e-postadress i domänen skickas till er IdP. Kliv verifierar att domänen är er innan den används.</source>
        <translation>Anyone signing in with an e-mail address in the domain is sent to your IdP. Kliv verifies that the domain is yours before it is used.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="152"/>
        <source>t.ex. foretaget.se</source>
        <translation>e.g. company.com</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="159"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="180"/>
        <location filename="../qml/pages/SecurityPage.qml" line="194"/>
        <source>Roll för nya medlemmar</source>
        <translation>Role for new members</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="182"/>
        <source>Den som loggar in med SSO för första gången blir medlem med den här rollen.</source>
        <translation>Someone signing in with SSO for the first time becomes a member with this role.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="212"/>
        <location filename="../qml/pages/SecurityPage.qml" line="244"/>
        <source>Kräv SSO</source>
        <translation>Require SSO</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="214"/>
        <source>När SSO krävs kan ingen i domänen logga in med lösenord, utom en ägare som reserv om IdP:n inte svarar.</source>
        <translation>When SSO is required nobody in the domain can sign in with a password, except one owner as a fallback in case the IdP does not answer.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="237"/>
        <source>Reservägarens e-post</source>
        <translation>Break-glass owner&apos;s e-mail</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="238"/>
        <source>Reservägare (får logga in med lösenord)</source>
        <translation>Break-glass owner (may sign in with a password)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="264"/>
        <location filename="../qml/pages/SecurityPage.qml" line="273"/>
        <source>Testa inloggningen</source>
        <translation>Test the sign-in</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="266"/>
        <source>Öppnar en inloggning via er IdP i webbläsaren, utan att något ändras för teamet.</source>
        <translation>Opens a sign-in through your IdP in the browser, without changing anything for the team.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="274"/>
        <source>Ladda upp IdP-metadata först.</source>
        <translation>Upload the IdP metadata first.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="289"/>
        <source>Välj IdP-metadata (XML)</source>
        <translation>Choose IdP metadata (XML)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="290"/>
        <source>SAML-metadata (*.xml)</source>
        <translation>SAML metadata (*.xml)</translation>
    </message>
    <message>
        <location filename="../qml/pages/SecurityPage.qml" line="290"/>
        <source>Alla filer (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../models/session.cpp" line="37"/>
        <source>Du har loggats ut eftersom inloggningen avslutades på servern (till exempel utloggning på en annan dator). Logga in igen.</source>
        <translation>You have been signed out because the session was ended on the server (for example by signing out on another computer). Please sign in again.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="280"/>
        <source>Inloggningen kunde inte startas: ingen lokal port gick att öppna.</source>
        <translation>Sign-in could not start: no local port could be opened.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="392"/>
        <source>Du har loggats ut. Logga in igen.</source>
        <translation>You have been signed out. Sign in again.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="437"/>
        <source>Du är inte längre medlem i %1.</source>
        <translation>You are no longer a member of %1.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="439"/>
        <source>Du har inga andra arbetsytor, så du har loggats ut.</source>
        <translation>You have no other workspaces, so you have been signed out.</translation>
    </message>
    <message>
        <location filename="../models/session.cpp" line="521"/>
        <source>arbetsytan</source>
        <translation>the workspace</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="9"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="12"/>
        <source>Ägare</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="12"/>
        <source>Administratör</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="12"/>
        <source>Medlem</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="20"/>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="25"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="27"/>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="29"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="33"/>
        <source>Logga ut</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="45"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="47"/>
        <source>Adressen till Klivs faktureringsserver. Ändra den bara om du har fått en annan adress.</source>
        <translation>The address of Kliv&apos;s billing server. Change it only if you were given another address.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="58"/>
        <source>Serveradress</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="65"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="79"/>
        <location filename="../qml/pages/SettingsPage.qml" line="85"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="99"/>
        <source>Aviseringar</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="101"/>
        <source>En skrivbordsavisering när en del av krediterna är använd, en gång per period.</source>
        <translation>A desktop notification when part of the credits is used, once per period.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="106"/>
        <source>75 % använt</source>
        <translation>75 % used</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="107"/>
        <source>90 % använt</source>
        <translation>90 % used</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="108"/>
        <source>Krediterna är slut</source>
        <translation>Your credits are used up</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="120"/>
        <source>Skrivbordsaviseringar är inte tillgängliga: ingen aviseringstjänst hittades i skrivbordsmiljön.</source>
        <translation>Desktop notifications are not available: no notification service was found in the desktop session.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="134"/>
        <source>Systemfältet</source>
        <translation>System tray</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="136"/>
        <source>Saldot syns som en ring i systemfältet, med kvarvarande krediter när du håller muspekaren över den.</source>
        <translation>The balance shows as a ring in the system tray, with the credits left when you hover over it.</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="142"/>
        <source>Behåll Kliv Konto i systemfältet när fönstret stängs</source>
        <translation>Keep Kliv Konto in the system tray when the window is closed</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="154"/>
        <source>Starta Kliv Konto vid inloggning</source>
        <translation>Start Kliv Konto at login</translation>
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="172"/>
        <source>Inget systemfält hittades på skrivbordet: Kliv Konto visas som ett vanligt fönster och avslutas när det stängs.</source>
        <translation>No system tray was found on the desktop: Kliv Konto shows as a normal window and quits when it is closed.</translation>
    </message>
</context>
<context>
    <name>ShareList</name>
    <message>
        <location filename="../qml/components/ShareList.qml" line="11"/>
        <source>Ingen användning den här månaden.</source>
        <translation>No usage this month.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/ShareList.qml" line="42"/>
        <source>%1: %n krediter</source>
        <translation>
            <numerusform>%1: %n credit</numerusform>
            <numerusform>%1: %n credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/ShareList.qml" line="46"/>
        <source>%n krediter</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
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
        <translation>Credits, plans, invoices and team for your Kliv workspace.</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="66"/>
        <source>Logga in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="75"/>
        <source>Logga in med SSO</source>
        <translation>Sign in with SSO</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="85"/>
        <source>Ange din jobbmejl, så skickas du till ditt företags inloggning.</source>
        <translation>Enter your work e-mail and you will be sent to your company&apos;s sign-in.</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="92"/>
        <source>namn@foretaget.se</source>
        <translation>name@company.com</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="93"/>
        <source>Jobbmejl för SSO</source>
        <translation>Work e-mail for SSO</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="105"/>
        <source>Fortsätt med SSO</source>
        <translation>Continue with SSO</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="113"/>
        <source>Tillbaka</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="124"/>
        <source>Återställer inloggningen…</source>
        <translation>Restoring your sign-in…</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="135"/>
        <source>Fortsätt inloggningen i webbläsaren…</source>
        <translation>Continue signing in in your browser…</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="141"/>
        <source>Öppnades ingen webbläsare? Öppna länken själv:</source>
        <translation>No browser opened? Open the link yourself:</translation>
    </message>
    <message>
        <location filename="../qml/components/SignInCard.qml" line="148"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
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
        <translation>ACS URL (Assertion Consumer Service)</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="58"/>
        <source>Metadata-URL</source>
        <translation>Metadata URL</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="71"/>
        <source>Ingen domän angiven.</source>
        <translation>No domain entered.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="72"/>
        <source>Verifierad</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="72"/>
        <source>Väntar på verifiering av Kliv</source>
        <translation>Waiting for verification by Kliv</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="100"/>
        <source>Single sign-on ingår i Enterprise.</source>
        <translation>Single sign-on is part of Enterprise.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="102"/>
        <source>Bara ägare kan ändra inställningarna för single sign-on.</source>
        <translation>Only owners can change the single sign-on settings.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="104"/>
        <source>Ladda upp IdP-metadata först.</source>
        <translation>Upload the IdP metadata first.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="106"/>
        <source>Ange domänen först.</source>
        <translation>Enter the domain first.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="108"/>
        <source>Domänen måste vara verifierad av Kliv innan SSO kan krävas.</source>
        <translation>The domain must be verified by Kliv before SSO can be required.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="139"/>
        <source>Domänen används redan av en annan arbetsyta i Kliv.</source>
        <translation>The domain is already used by another workspace in Kliv.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="141"/>
        <source>Filen är inte giltig IdP-metadata för SAML 2.0 (en EntityDescriptor med IDPSSODescriptor och ett signeringscertifikat).</source>
        <translation>The file is not valid SAML 2.0 IdP metadata (an EntityDescriptor with an IDPSSODescriptor and a signing certificate).</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="156"/>
        <source>Filen är för stor för att vara IdP-metadata.</source>
        <translation>The file is too large to be IdP metadata.</translation>
    </message>
    <message>
        <location filename="../models/ssosettings.cpp" line="156"/>
        <source>Filen kunde inte läsas.</source>
        <translation>The file could not be read.</translation>
    </message>
</context>
<context>
    <name>Subscription</name>
    <message>
        <location filename="../models/subscription.cpp" line="102"/>
        <source>Betalningen är klar. Du har nu %1.</source>
        <translation>Payment complete. You now have %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="171"/>
        <source>Du uppgraderas till %1 nu. Du debiteras %2 i dag för resten av perioden och får %3 krediter till direkt.</source>
        <translation>You move to %1 now. You are charged %2 today for the rest of the period and get %3 more credits right away.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="175"/>
        <source>Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.</source>
        <translation>You change to %1 on %2. Until then you keep %3 and your credits.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="178"/>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="179"/>
        <source>Din prenumeration avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis. Dina projekt finns kvar.</source>
        <translation>Your subscription ends on %1. You keep %2 until then, then the workspace moves to Free. Your projects stay.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="183"/>
        <source>Du byter till %1 för %2 i månaden. Betalningen görs i webbläsaren, och du får %3 krediter så snart den är klar.</source>
        <translation>You change to %1 for %2 a month. The payment is made in the browser, and you get %3 credits as soon as it is done.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="198"/>
        <source>Från den %1 betalar du ingenting.</source>
        <translation>From %1 you pay nothing.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="199"/>
        <source>Från den %1 betalar du %2 i månaden.</source>
        <translation>From %1 you pay %2 a month.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="208"/>
        <source>Den planerade uppsägningen står kvar: prenumerationen avslutas den %1.</source>
        <translation>The scheduled cancellation stands: the subscription ends on %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="209"/>
        <source>Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den %1.</source>
        <translation>The scheduled cancellation is removed: the subscription continues after %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="218"/>
        <source>Uppgradera</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="219"/>
        <source>Nedgradera</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="220"/>
        <source>Avsluta prenumeration</source>
        <translation>Cancel subscription</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="221"/>
        <source>Gå till betalning</source>
        <translation>Go to payment</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="244"/>
        <source>Betalningen för %1 är öppnad i webbläsaren. Planen byts när betalningen är klar.</source>
        <translation>The payment for %1 is open in your browser. The plan changes when the payment is complete.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="252"/>
        <source>Uppgraderingen till %1 är betald.</source>
        <translation>The upgrade to %1 is paid.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="253"/>
        <source>Uppgraderingen till %1 är betald: %2.</source>
        <translation>The upgrade to %1 is paid: %2.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="256"/>
        <source>Klart: du byter till %1 den %2. Till dess har du kvar %3.</source>
        <translation>Done: you switch to %1 on %2. Until then you keep %3.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="259"/>
        <location filename="../models/subscription.cpp" line="271"/>
        <source>Klart: prenumerationen avslutas den %1. Till dess har du kvar %2.</source>
        <translation>Done: the subscription ends on %1. Until then you keep %2.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="281"/>
        <source>Klart: den planerade ändringen är ångrad. Du fortsätter med %1.</source>
        <translation>Done: the scheduled change is undone. You continue on %1.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="371"/>
        <source>Säljteamet tog emot din förfrågan %1 och hanterade den %2.</source>
        <translation>The sales team received your request on %1 and handled it on %2.</translation>
    </message>
    <message>
        <location filename="../models/subscription.cpp" line="373"/>
        <source>Säljteamet tog emot din förfrågan %1 kl. %2 och hör av sig.</source>
        <translation>The sales team received your request on %1 at %2 and will be in touch.</translation>
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
        <translation>%1 of %2 seats in use.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/TeamPage.qml" line="13"/>
        <source>%n teammedlemmar, obegränsat antal platser.</source>
        <translation>
            <numerusform>%n team member, unlimited seats.</numerusform>
            <numerusform>%n team members, unlimited seats.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="23"/>
        <source>Bara ägare och administratörer kan bjuda in och ta bort teammedlemmar.</source>
        <translation>Only owners and admins can invite and remove team members.</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="34"/>
        <source>Använda platser</source>
        <translation>Seats in use</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="75"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="78"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="65"/>
        <location filename="../qml/pages/TeamPage.qml" line="90"/>
        <source>Teammedlemmar</source>
        <translation>Team members</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="76"/>
        <source>Gick med</source>
        <translation>Joined</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="77"/>
        <source>Gräns</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="110"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="149"/>
        <source>Ändra</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="150"/>
        <source>Ändra gräns för %1</source>
        <translation>Change the limit for %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="172"/>
        <source>Roll för %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="190"/>
        <location filename="../qml/pages/TeamPage.qml" line="257"/>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="191"/>
        <source>Ta bort %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="243"/>
        <source>Ta bort teammedlem</source>
        <translation>Remove team member</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="247"/>
        <source>%1 förlorar åtkomsten till arbetsytan. Projekten finns kvar.</source>
        <translation>%1 loses access to the workspace. The projects stay.</translation>
    </message>
    <message>
        <location filename="../qml/pages/TeamPage.qml" line="258"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../models/tokenstore.cpp" line="18"/>
        <source>Ingen nyckelring hittades. Kliv Konto sparar aldrig inloggningen i klartext: starta en nyckelring (t.ex. GNOME Nyckelring eller KWallet) och logga in igen.</source>
        <translation>No keyring was found. Kliv Konto never stores the sign-in in plain text: start a keyring (e.g. GNOME Keyring or KWallet) and sign in again.</translation>
    </message>
    <message>
        <location filename="../models/tokenstore.cpp" line="24"/>
        <source>Kliv Konto fick inte tillgång till nyckelringen. Tillåt åtkomst och logga in igen.</source>
        <translation>Kliv Konto was denied access to the keyring. Allow access and sign in again.</translation>
    </message>
    <message>
        <location filename="../models/tokenstore.cpp" line="29"/>
        <source>Nyckelringen är låst eller svarar inte. Lås upp den och försök igen.</source>
        <translation>The keyring is locked or does not answer. Unlock it and try again.</translation>
    </message>
</context>
<context>
    <name>TrayMeter</name>
    <message>
        <location filename="../models/traymeter.cpp" line="122"/>
        <source>Öppna Kliv Konto</source>
        <translation>Open Kliv Konto</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="123"/>
        <source>Logga ut</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="124"/>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="131"/>
        <source>Kliv Konto · inte inloggad</source>
        <translation>Kliv Konto · not signed in</translation>
    </message>
    <message>
        <location filename="../models/traymeter.cpp" line="134"/>
        <source>Kliv Konto · hämtar saldot…</source>
        <translation>Kliv Konto · fetching the balance…</translation>
    </message>
</context>
<context>
    <name>UsageChartCard</name>
    <message>
        <location filename="../qml/components/UsageChartCard.qml" line="9"/>
        <source>Krediter per dag</source>
        <translation>Credits per day</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/components/UsageChartCard.qml" line="44"/>
        <source>%n krediter totalt</source>
        <translation>
            <numerusform>%n credit in total</numerusform>
            <numerusform>%n credits in total</numerusform>
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
        <translation>Your usage</translation>
    </message>
    <message>
        <location filename="../models/usagemodel.cpp" line="69"/>
        <source>Teamets användning</source>
        <translation>The team&apos;s usage</translation>
    </message>
    <message>
        <location filename="../models/usagemodel.cpp" line="191"/>
        <source>Användningen är sparad i %1.</source>
        <translation>The usage is saved in %1.</translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="12"/>
        <source>Användning</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="13"/>
        <source>Användningshistorik för %1</source>
        <translation>Usage history for %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="74"/>
        <location filename="../qml/pages/UsagePage.qml" line="129"/>
        <source>Ingen användning under perioden.</source>
        <translation>No usage in this period.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="74"/>
        <location filename="../qml/pages/UsagePage.qml" line="129"/>
        <source>Ingen användning den här månaden.</source>
        <translation>No usage this month.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="81"/>
        <source>Per aktivitet</source>
        <translation>By activity</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="91"/>
        <source>Per projekt</source>
        <translation>By project</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="101"/>
        <source>Per medlem</source>
        <translation>By member</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="112"/>
        <source>Användning per medlem ingår i Pro och Enterprise.</source>
        <translation>Usage per member is part of Pro and Enterprise.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="113"/>
        <source>Bara ägare och administratörer ser användning per medlem.</source>
        <translation>Only owners and admins see usage per member.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="125"/>
        <source>Alla poster</source>
        <translation>All entries</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="139"/>
        <source>Exportera användning som CSV</source>
        <translation>Export usage as CSV</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="141"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePage.qml" line="143"/>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>UsagePeriodBar</name>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="27"/>
        <source>Föregående månad</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="45"/>
        <source>Nästa månad</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="46"/>
        <source>Det finns ingen senare period.</source>
        <translation>There is no later period.</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="56"/>
        <source>Faktureringsperiod</source>
        <translation>Billing period</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="57"/>
        <source>Kalendermånad</source>
        <translation>Calendar month</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="63"/>
        <source>Visa</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../qml/components/UsagePeriodBar.qml" line="70"/>
        <source>Exportera CSV</source>
        <translation>Export CSV</translation>
    </message>
</context>
<context>
    <name>UsagePopupContent</name>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="18"/>
        <source>Användning</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="19"/>
        <source>Användning i %1</source>
        <translation>Usage in %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="19"/>
        <source>Användning %1</source>
        <translation>Usage %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="54"/>
        <source>Månadens användning går inte att visa just nu.</source>
        <translation>This month&apos;s usage cannot be shown right now.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="63"/>
        <source>Ingen användning under perioden.</source>
        <translation>No usage in this period.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="63"/>
        <source>Ingen användning den här månaden.</source>
        <translation>No usage this month.</translation>
    </message>
    <message>
        <location filename="../qml/pages/UsagePopupContent.qml" line="72"/>
        <source>Visa all användning</source>
        <translation>Show all usage</translation>
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
