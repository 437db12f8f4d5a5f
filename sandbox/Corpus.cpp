// SPDX-License-Identifier: MIT
// The text the sandbox's SyntheticModel learns its word pairs from. Written for this project: short
// plain sentences on the topics people try in a playground, so that generated text reads like
// words rather than noise. One paragraph per line; each line ends a "document" (end-of-text).
#include "sandbox/Corpus.h"

namespace sandbox {

const QStringList &corpusParagraphs()
{
    static const QStringList paragraphs{
        QStringLiteral("I am the offline sandbox model. My answers are synthetic, but they are "
                       "made in a repeatable way from the words you give me."),
        QStringLiteral("I can help with that. Here is a short answer, and you can ask me for more "
                       "detail at any time."),
        QStringLiteral("Thank you for asking. I am doing well, and I am ready to help with your "
                       "questions or your next task."),
        QStringLiteral("The model reads the prompt one token at a time and predicts the next token "
                       "from the words it has seen."),
        QStringLiteral("An explanation shows which parts of the prompt made the answer more "
                       "likely. Red parts helped, blue parts worked against it."),
        QStringLiteral("An embedding is a list of numbers that describes a text. Texts with "
                       "similar words have similar embeddings."),
        QStringLiteral("Semantic search compares the embedding of a query with the embeddings of "
                       "many documents and returns the closest ones."),
        QStringLiteral("A steering concept pulls the answer towards the style of its positive "
                       "examples and away from its negative examples."),
        QStringLiteral("The weather today is sunny and warm. In the evening there may be some "
                       "rain, so take a coat with you."),
        QStringLiteral("The city has a large market, an old bridge over the river and a small "
                       "museum of modern art."),
        QStringLiteral("Berlin is the capital of Germany. Paris is the capital of France. Rome is "
                       "the capital of Italy."),
        QStringLiteral("My favourite food is pizza with cheese and fresh tomatoes. I also like "
                       "pasta, bread and a good soup."),
        QStringLiteral("The cat sat on the mat and watched the dog in the garden. The dog was "
                       "happy and ran after a red ball."),
        QStringLiteral("A good program is easy to read. Write small functions, give them clear "
                       "names and test them well."),
        QStringLiteral("To sort a list in Python you can call sorted on it. The function returns a "
                       "new list and keeps the old one."),
        QStringLiteral("The team met on Monday to plan the next release. Everyone agreed to finish "
                       "the work by the end of the week."),
        QStringLiteral("Once upon a time there was a small village at the edge of a dark forest. "
                       "The people of the village told many stories."),
        QStringLiteral("The answer is yes. The answer is no. It depends on the question, and on "
                       "what you want to know."),
        QStringLiteral("Water boils at one hundred degrees at sea level. Ice melts when the "
                       "temperature rises above zero."),
        QStringLiteral("The sun is a star. The earth moves around the sun once a year, and the "
                       "moon moves around the earth."),
        QStringLiteral("Please find attached the report for the last quarter. The numbers look "
                       "good, and sales grew in every region."),
        QStringLiteral("Dear team, thank you for your hard work this year. We could not have done "
                       "it without you."),
        QStringLiteral("The image shows a red, green or blue scene with light and dark areas. The "
                       "bright part is in the middle."),
        QStringLiteral("Good morning! How can I help you today? I can write, summarize, translate "
                       "and explain text."),
        QStringLiteral("In summary, the results are clear: the new method is faster, simpler and "
                       "more reliable than the old one."),
        QStringLiteral("The recipe needs flour, sugar, eggs and butter. Mix them well and bake the "
                       "cake for thirty minutes."),
        QStringLiteral("He opened the door, looked at the empty street and decided to go for a "
                       "long walk by the sea."),
        QStringLiteral("A question to the model is called a prompt. The text the model writes back "
                       "is called a completion."),
        QStringLiteral("The first step is to read the data. The second step is to clean it. The "
                       "last step is to build the model."),
        QStringLiteral("Music and art make people happy. Many people play an instrument, paint or "
                       "sing in a choir."),
        QStringLiteral("I like to learn new things every day. Reading books and talking to people "
                       "are my favourite ways to learn."),
        QStringLiteral(
            "The train to Munich leaves at nine in the morning and arrives in the afternoon."),
        QStringLiteral("This is a great product. It works very well, it is fast and the price is "
                       "fair. I would buy it again."),
        QStringLiteral("This is a terrible product. It broke after one day, it is slow and the "
                       "price is far too high."),
        QStringLiteral("Hello, world! This is the first program that many people write when they "
                       "learn to code."),
        QStringLiteral("The children played in the park until the sun went down, and then they "
                       "walked home for dinner."),
    };
    return paragraphs;
}

const QStringList &extraWords()
{
    static const QStringList words{
        QStringLiteral("red"),
        QStringLiteral("orange"),
        QStringLiteral("yellow"),
        QStringLiteral("green"),
        QStringLiteral("cyan"),
        QStringLiteral("blue"),
        QStringLiteral("purple"),
        QStringLiteral("pink"),
        QStringLiteral("white"),
        QStringLiteral("grey"),
        QStringLiteral("black"),
        QStringLiteral("brown"),
        QStringLiteral("Hello"),
        QStringLiteral("hello"),
        QStringLiteral("world"),
        QStringLiteral("sandbox"),
        QStringLiteral("synthetic"),
        QStringLiteral("token"),
        QStringLiteral("tokens"),
        QStringLiteral("text"),
    };
    return words;
}

} // namespace sandbox
