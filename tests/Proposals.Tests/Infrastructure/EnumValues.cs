namespace Proposals.Tests.Infrastructure;

/// <summary>
/// Every value of an enum, for the facts that check each mapping names every value: a value added
/// to the enum without its arm in a mapping makes them fail, as an undefined value does.
/// </summary>
internal static class EnumValues
{
    /// <summary>A number no enum here defines; every mapping must refuse it, never read it as its last value.</summary>
    public const int UndefinedNumber = 999;

    /// <summary>Each value of <typeparamref name="T"/> as theory data.</summary>
    public static TheoryData<T> All<T>() where T : struct, Enum
    {
        var data = new TheoryData<T>();
        foreach (var value in Enum.GetValues<T>()) data.Add(value);
        return data;
    }

    /// <summary>
    /// Each value's name, as theory data, for enums internal to the worker (a public theory cannot
    /// take an internal type as its parameter).
    /// </summary>
    public static TheoryData<string> Names<T>() where T : struct, Enum
    {
        var data = new TheoryData<string>();
        foreach (var name in Enum.GetNames<T>()) data.Add(name);
        return data;
    }

    /// <summary>The value outside those <typeparamref name="T"/> names.</summary>
    public static T Undefined<T>() where T : struct, Enum
    {
        var value = (T)Enum.ToObject(typeof(T), UndefinedNumber);
        Assert.False(Enum.IsDefined(value));
        return value;
    }

    /// <summary>Asserts that no other value of <typeparamref name="T"/> maps to what <paramref name="value"/> maps to.</summary>
    public static void AssertOwn<T, TResult>(T value, Func<T, TResult> map) where T : struct, Enum
    {
        var own = map(value);
        foreach (var other in Enum.GetValues<T>().Where(o => !o.Equals(value)))
        {
            Assert.False(EqualityComparer<TResult>.Default.Equals(own, map(other)), $"{value} and {other} both map to {own}");
        }
    }
}
