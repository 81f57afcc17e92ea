package id.kotacerdas.voting.roll;

/** A voter-roll line that passed every check, ready to be stored. */
record VoterLine(int line, String nikHash, String name, Sex sex, String villageCode, String tpsId, String phone) {

    @Override
    public String toString() {
        return "VoterLine[line=" + line + ", masked]";
    }
}
