-- The OAuth password sign-in (POST /oauth/authorize, form-encoded) with the
-- right password, in a loop. A 302 to the redirect URI is success; anything
-- else (a sign-in page again, 429, 5xx) counts as a bad answer.
--   wrk ... -s signin.lua URL -- EMAIL PASSWORD
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local req
bad = 0

local function enc(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
   local challenge = "bench-challenge-0123456789abcdefghijklmnopqrstuvwxyz"
   local body = table.concat({
      "response_type=code", "client_id=kliv-bench", "redirect_uri=" .. enc("http://127.0.0.1:9/callback"),
      "state=bench", "code_challenge_method=S256", "code_challenge=" .. challenge,
      "email=" .. enc(args[1]), "password=" .. enc(args[2])}, "&")
   req = wrk.format("POST", "/oauth/authorize", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function request()
   return req
end

function response(status, headers, body)
   if status ~= 302 then bad = bad + 1 end
end
